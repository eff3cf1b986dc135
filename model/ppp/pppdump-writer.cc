/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pppdump-writer.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppdumpWriter");

namespace
{

/// The longest record: its length field has 16 bits.
constexpr std::size_t MAX_RECORD = 0xffff;

/// Append \p v as \p n big-endian bytes. \param out \param v \param n
void
PutBigEndian(std::ofstream& out, uint64_t v, int n)
{
    for (int shift = 8 * (n - 1); shift >= 0; shift -= 8)
    {
        out.put(static_cast<char>((v >> shift) & 0xff));
    }
}

} // namespace

PppdumpWriter::PppdumpWriter(const std::string& filename, uint32_t epoch, Time now)
    : m_file(filename, std::ios::out | std::ios::binary | std::ios::trunc),
      m_epoch(epoch)
{
    NS_LOG_FUNCTION(this << filename << epoch << now);
    // charshunt: the start marker holds tv_sec, and lasttime's tenths start at zero.
    uint64_t second = Tenths(now) / 10;
    m_file.put(static_cast<char>(RESET_TIME));
    PutBigEndian(m_file, second, 4);
    m_lastTenths = second * 10;
    m_file.flush();
}

PppdumpWriter::~PppdumpWriter()
{
    Flush();
}

bool
PppdumpWriter::IsOpen() const
{
    return m_file.is_open() && m_file.good();
}

uint64_t
PppdumpWriter::Tenths(Time now) const
{
    // record_write truncates tv_usec to tenths: so does this.
    return uint64_t(m_epoch) * 10 + static_cast<uint64_t>(now.GetMilliSeconds() / 100);
}

void
PppdumpWriter::Add(Tag tag, uint8_t byte, Time now)
{
    uint64_t tenths = Tenths(now);
    if (!m_pending.empty() &&
        (tag != m_pendingTag || tenths != m_pendingTenths || m_pending.size() == MAX_RECORD))
    {
        WritePending();
    }
    if (m_pending.empty())
    {
        m_pendingTag = tag;
        m_pendingTenths = tenths;
    }
    m_pending.push_back(byte);
}

void
PppdumpWriter::WritePending()
{
    if (m_pending.empty())
    {
        return;
    }
    // record_write: a step for the tenths since the last record, if any, then the data.
    uint64_t diff = m_pendingTenths - m_lastTenths;
    if (m_pendingTenths > m_lastTenths)
    {
        if (diff > 255)
        {
            m_file.put(static_cast<char>(STEP_LONG));
            PutBigEndian(m_file, diff, 4);
        }
        else
        {
            m_file.put(static_cast<char>(STEP_SHORT));
            m_file.put(static_cast<char>(diff));
        }
        m_lastTenths = m_pendingTenths;
    }
    m_file.put(static_cast<char>(m_pendingTag));
    PutBigEndian(m_file, m_pending.size(), 2);
    m_file.write(reinterpret_cast<const char*>(m_pending.data()), m_pending.size());
    m_pending.clear();
}

void
PppdumpWriter::Flush()
{
    WritePending();
    m_file.flush();
}

} // namespace ns3
