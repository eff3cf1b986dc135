/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "serial-port-tap.h"

#include "ns3/abort.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/packet.h"
#include "ns3/pcap-file-wrapper.h"
#include "ns3/pppdump-writer.h"
#include "ns3/simulator.h"
#include "ns3/trace-helper.h"

#include <vector>

namespace ns3
{

SerialPortTap::SerialPortTap(std::string port)
    : m_port(std::move(port))
{
    // Every octet is data to the decoders: the sender escaped what it had to.
    m_sentDecoder.SetRxAccm(0);
    m_receivedDecoder.SetRxAccm(0);
}

SerialPortTap::~SerialPortTap() = default;

void
SerialPortTap::EnablePcap(const std::string& filename)
{
    PcapHelper helper;
    m_pcap = helper.CreateFile(filename, std::ios::out, PcapHelper::DLT_PPP);
}

void
SerialPortTap::EnableAscii(Ptr<OutputStreamWrapper> stream)
{
    m_ascii = stream;
    // Complete on disk when the simulation ends, whoever still holds the stream.
    Simulator::ScheduleDestroy([stream] { stream->GetStream()->flush(); });
}

void
SerialPortTap::EnablePppdump(const std::string& filename, uint32_t epoch)
{
    m_pppdump = Create<PppdumpWriter>(filename, epoch, Simulator::Now());
    NS_ABORT_MSG_IF(!m_pppdump->IsOpen(), "SerialPortTap: cannot write " << filename);
}

void
SerialPortTap::Sent(uint8_t byte, Time at)
{
    if (m_pppdump)
    {
        m_pppdump->Add(PppdumpWriter::SENT, byte, at);
    }
    if (m_pcap || m_ascii)
    {
        Decode(m_sentDecoder, '-', byte, at);
    }
}

void
SerialPortTap::Received(uint8_t byte, Time at)
{
    if (m_pppdump)
    {
        m_pppdump->Add(PppdumpWriter::RECEIVED, byte, at);
    }
    if (m_pcap || m_ascii)
    {
        Decode(m_receivedDecoder, 'r', byte, at);
    }
}

void
SerialPortTap::Decode(HdlcDeframer& decoder, char event, uint8_t byte, Time at)
{
    HdlcDeframer::Counters before = decoder.GetCounters();
    decoder.Feed(&byte,
                 1,
                 [this, event, at](uint16_t protocol, const uint8_t* info, std::size_t n) {
                     if (m_pcap)
                     {
                         std::vector<uint8_t> record = {HDLC_ALL_STATIONS,
                                                        HDLC_UI,
                                                        static_cast<uint8_t>(protocol >> 8),
                                                        static_cast<uint8_t>(protocol)};
                         record.insert(record.end(), info, info + n);
                         m_pcap->Write(at, Create<Packet>(record.data(), record.size()));
                     }
                     if (m_ascii)
                     {
                         *m_ascii->GetStream()
                             << event << " " << at.GetSeconds() << " " << m_port << " "
                             << PppProtocolName(protocol) << " " << n << "\n";
                     }
                 });
    if (m_ascii)
    {
        decoder.GetCounters().ForEachDropSince(before, [this, at](const char* reason, uint64_t n) {
            for (uint64_t k = 0; k < n; ++k)
            {
                *m_ascii->GetStream()
                    << "d " << at.GetSeconds() << " " << m_port << " " << reason << "\n";
            }
        });
    }
}

bool
SerialPortTap::HasAscii() const
{
    return m_ascii != nullptr;
}

void
SerialPortTap::Flush()
{
    if (m_pppdump)
    {
        m_pppdump->Flush();
    }
    if (m_ascii)
    {
        m_ascii->GetStream()->flush();
    }
}

uint64_t
SerialPortTap::GetDropped() const
{
    return m_sentDecoder.GetCounters().Dropped() + m_receivedDecoder.GetCounters().Dropped();
}

} // namespace ns3
