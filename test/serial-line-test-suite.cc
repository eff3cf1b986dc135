/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The serial line: asynchronous timing to the nanosecond, the receiving UART's FIFO,
// tty reads and writes in simulated time, flow control, the byte error model and its
// determinism, carrier loss and return, and the pcap and pppd record outputs.

#include "pcap-test-helpers.h"
#include "pppdump-test-helpers.h"
#include "syscall-test-helpers.h"

#include "ns3/core-module.h"
#include "ns3/network-module.h"
#include "ns3/tun-module.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <unistd.h>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/// Two nodes joined by a serial line, a root process on each with /dev/cuaa0 open.
struct LineBench
{
    Ptr<Node> a;
    Ptr<Node> b;
    Ptr<SerialLine> line;
    Ptr<BsdProcess> pa;
    Ptr<BsdProcess> pb;
    int fa{-1};
    int fb{-1};

    explicit LineBench(std::function<void(Ptr<SerialLine>)> configure = nullptr,
                       int32_t flags = BSD_O_RDWR)
    {
        a = CreateObject<Node>();
        b = CreateObject<Node>();
        line = CreateObject<SerialLine>();
        if (configure)
        {
            configure(line);
        }
        line->Connect(a, 0, b, 0);
        pa = CreateObject<BsdProcess>();
        pa->Attach(a);
        pb = CreateObject<BsdProcess>();
        pb->Attach(b);
        fa = OpenNow(pa, "/dev/cuaa0", flags).second;
        fb = OpenNow(pb, "/dev/cuaa0", flags).second;
    }
};

std::vector<uint8_t>
Pattern(std::size_t n)
{
    std::vector<uint8_t> v(n);
    for (std::size_t i = 0; i < n; ++i)
    {
        v[i] = static_cast<uint8_t>(i * 7 + 3);
    }
    return v;
}

} // namespace

/**
 * N bytes at 115200 baud 8N1 take N * 10 / 115200 s plus the delay; byte k arrives at
 * exactly start + ceil(k * 10 / 115200 s) + delay, with no accumulated rounding; 7E1 and
 * 8N2 take 10 and 11 bits.
 */
class SerialTimingTestCase : public TestCase
{
  public:
    SerialTimingTestCase()
        : TestCase("UART timing: each byte at start + ceil(k * bits over baud) + delay")
    {
    }

  private:
    void DoRun() override
    {
        LineBench bench([](Ptr<SerialLine> l) {
            l->SetAttribute("Delay", TimeValue(MilliSeconds(1)));
            l->SetAttribute("RxFifoTrigger", UintegerValue(1));
        });
        NS_TEST_EXPECT_MSG_EQ(bench.line->GetBitsPerByte(), 10u, "8N1");
        NS_TEST_EXPECT_MSG_EQ(bench.line->GetTransmissionTime(1000),
                              NanoSeconds(86805556),
                              "1000 * 10 / 115200 s, rounded up once");
        std::vector<Time> arrivals;
        bench.line->TraceConnectWithoutContext(
            "Rx",
            Callback<void, uint32_t, uint8_t>(
                [&arrivals](uint32_t, uint8_t) { arrivals.push_back(Simulator::Now()); }));
        Time t0 = Seconds(1);
        Simulator::Schedule(t0,
                            [&] { bench.pa->Write(bench.fa, Pattern(1000), [](int, int64_t) {}); });
        std::vector<uint8_t> got;
        std::function<void()> readMore = [&] {
            bench.pb->Read(bench.fb, 4096, [&](int e, const std::vector<uint8_t>& d) {
                if (e == BSD_OK && !d.empty())
                {
                    got.insert(got.end(), d.begin(), d.end());
                    if (got.size() < 1000)
                    {
                        readMore();
                    }
                }
            });
        };
        readMore();
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(arrivals.size(), 1000u, "every byte");
        for (uint64_t k : {1, 2, 3, 500, 999, 1000})
        {
            NS_TEST_EXPECT_MSG_EQ(arrivals[k - 1],
                                  t0 + bench.line->GetTransmissionTime(k) + MilliSeconds(1),
                                  "byte " << k);
        }
        NS_TEST_EXPECT_MSG_EQ((got == Pattern(1000)), true, "the bytes, in order");
        Simulator::Destroy();

        Ptr<SerialLine> l = CreateObject<SerialLine>();
        l->SetAttribute("DataBits", UintegerValue(7));
        l->SetAttribute("Parity", BooleanValue(true));
        NS_TEST_EXPECT_MSG_EQ(l->GetBitsPerByte(), 10u, "7E1");
        l->SetAttribute("DataBits", UintegerValue(8));
        l->SetAttribute("Parity", BooleanValue(false));
        l->SetAttribute("StopBits", UintegerValue(2));
        NS_TEST_EXPECT_MSG_EQ(l->GetBitsPerByte(), 11u, "8N2");
        l->SetAttribute("BaudRate", UintegerValue(9600));
        NS_TEST_EXPECT_MSG_EQ(l->GetTransmissionTime(960), Seconds(1.1), "960 * 11 / 9600");
    }
};

/**
 * A 16550A's receive FIFO interrupts at 14 bytes, and hands over a shorter tail four
 * character times after its last byte; a read returns what is there.
 */
class SerialFifoTestCase : public TestCase
{
  public:
    SerialFifoTestCase()
        : TestCase("receive FIFO: chunks of the trigger level, the tail after 4 characters")
    {
    }

  private:
    void DoRun() override
    {
        LineBench bench;
        std::vector<std::pair<Time, std::size_t>> reads;
        std::function<void()> readMore = [&] {
            bench.pb->Read(bench.fb, 4096, [&](int, const std::vector<uint8_t>& d) {
                reads.emplace_back(Simulator::Now(), d.size());
                if (reads.size() < 8)
                {
                    readMore();
                }
            });
        };
        readMore();
        Time t0 = Seconds(1);
        Simulator::Schedule(t0,
                            [&] { bench.pa->Write(bench.fa, Pattern(100), [](int, int64_t) {}); });
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(reads.size(), 8u, "seven chunks and a tail");
        for (std::size_t i = 0; i < 7; ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(reads[i].second, 14u, "chunk " << i);
            NS_TEST_EXPECT_MSG_EQ(reads[i].first,
                                  t0 + bench.line->GetTransmissionTime(14 * (i + 1)),
                                  "when the 14th byte arrived");
        }
        NS_TEST_EXPECT_MSG_EQ(reads[7].second, 2u, "the tail");
        NS_TEST_EXPECT_MSG_EQ(reads[7].first,
                              t0 + bench.line->GetTransmissionTime(100) +
                                  4 * bench.line->GetTransmissionTime(1),
                              "four character times later");
        Simulator::Destroy();
    }
};

/**
 * tty reads and writes: EWOULDBLOCK when empty and non-blocking, FIONREAD, TIOCOUTQ,
 * a full output queue makes a non-blocking write partial and a blocking one wait.
 */
class SerialTtyTestCase : public TestCase
{
  public:
    SerialTtyTestCase()
        : TestCase("tty: non-blocking reads, FIONREAD, TIOCOUTQ, output flow control")
    {
    }

  private:
    void DoRun() override
    {
        LineBench bench(
            [](Ptr<SerialLine> l) { l->SetAttribute("TxBufferSize", UintegerValue(100)); },
            BSD_O_RDWR | BSD_O_NONBLOCK);
        NS_TEST_EXPECT_MSG_EQ(ReadNow(bench.pb, bench.fb, 10).first, BSD_EWOULDBLOCK, "empty");
        auto [e1, n1] = WriteNow(bench.pa, bench.fa, Pattern(300));
        NS_TEST_EXPECT_MSG_EQ(e1, BSD_OK, "partial write succeeds");
        NS_TEST_EXPECT_MSG_EQ(n1, 101, "what fitted: the queue's 100 and the byte the UART took");
        NS_TEST_EXPECT_MSG_EQ(BytesInt(IoctlNow(bench.pb, bench.fb, BSD_FIONREAD, {}).second),
                              101,
                              "all of it arrived (the simulation ran on)");
        NS_TEST_EXPECT_MSG_EQ(ReadNow(bench.pb, bench.fb, 40).second.size(), 40u, "a short read");
        NS_TEST_EXPECT_MSG_EQ(BytesInt(IoctlNow(bench.pb, bench.fb, BSD_FIONREAD, {}).second),
                              61,
                              "the rest waits");
        NS_TEST_EXPECT_MSG_EQ(IoctlNow(bench.pa, bench.fa, BsdIor('t', 3, 4), {}).first,
                              BSD_ENOTTY,
                              "unknown");

        // Blocking: the write waits for room and returns when all is queued.
        IoctlNow(bench.pa, bench.fa, BSD_FIONBIO, IntBytes(0));
        int64_t written = -1;
        Time t0 = Simulator::Now();
        Time done;
        bench.pa->Write(bench.fa, Pattern(1000), [&](int, int64_t n) {
            written = n;
            done = Simulator::Now();
        });
        // A second process on node a watches the output queue while the first waits.
        Ptr<BsdProcess> watcher = CreateObject<BsdProcess>();
        watcher->Attach(bench.a);
        int watchFd = -1;
        watcher->Open("/dev/cuaa0", BSD_O_RDONLY, [&watchFd](int, int fd) { watchFd = fd; });
        int32_t outq = -1;
        Simulator::Schedule(MilliSeconds(1), [&] {
            watcher->Ioctl(watchFd, BSD_TIOCOUTQ, {}, [&outq](int, const std::vector<uint8_t>& d) {
                outq = BytesInt(d);
            });
        });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(written, 1000, "everything written");
        NS_TEST_EXPECT_MSG_GT(outq, 0, "the output queue was in use");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(outq, 100, "never more than TxBufferSize queued");
        NS_TEST_EXPECT_MSG_GT(done - t0,
                              bench.line->GetTransmissionTime(800),
                              "the write waited for the line to drain");
        Simulator::Destroy();
    }
};

/**
 * The byte error model: losses and corruptions are counted; every corruption is one
 * flipped bit; the same streams give the same errors.
 */
class SerialErrorTestCase : public TestCase
{
  public:
    SerialErrorTestCase()
        : TestCase("byte errors: loss, one-bit corruption, repeatable by stream")
    {
    }

  private:
    std::vector<uint8_t> Transfer(double lossRate,
                                  double errorRate,
                                  int64_t stream,
                                  SerialLine::Stats* s)
    {
        LineBench bench(
            [=](Ptr<SerialLine> l) {
                l->SetAttribute("ByteLossRate", DoubleValue(lossRate));
                l->SetAttribute("ByteErrorRate", DoubleValue(errorRate));
                l->AssignStreams(stream);
            },
            BSD_O_RDWR | BSD_O_NONBLOCK);
        WriteNow(bench.pa, bench.fa, Pattern(2000));
        Simulator::Run();
        std::vector<uint8_t> got = ReadNow(bench.pb, bench.fb, 4096).second;
        *s = bench.line->GetStats(0);
        Simulator::Destroy();
        return got;
    }

    void DoRun() override
    {
        SerialLine::Stats s;
        std::vector<uint8_t> none = Transfer(1.0, 0, 1, &s);
        NS_TEST_EXPECT_MSG_EQ(none.size(), 0u, "loss rate 1: nothing");
        NS_TEST_EXPECT_MSG_EQ(s.lost, 2000u, "all counted lost");
        NS_TEST_EXPECT_MSG_EQ(s.sent, 2000u, "all sent");

        std::vector<uint8_t> flipped = Transfer(0, 1.0, 1, &s);
        NS_TEST_ASSERT_MSG_EQ(flipped.size(), 2000u, "corruption loses nothing");
        std::vector<uint8_t> sent = Pattern(2000);
        int oneBit = 0;
        for (std::size_t i = 0; i < 2000; ++i)
        {
            oneBit += __builtin_popcount(flipped[i] ^ sent[i]) == 1;
        }
        NS_TEST_EXPECT_MSG_EQ(oneBit, 2000, "every byte differs by exactly one bit");
        NS_TEST_EXPECT_MSG_EQ(s.corrupted, 2000u, "counted");

        SerialLine::Stats s1;
        SerialLine::Stats s2;
        std::vector<uint8_t> run1 = Transfer(0.1, 0.2, 7, &s1);
        std::vector<uint8_t> run2 = Transfer(0.1, 0.2, 7, &s2);
        NS_TEST_EXPECT_MSG_EQ((run1 == run2), true, "same streams, same bytes");
        NS_TEST_EXPECT_MSG_GT(s1.lost, 100u, "about 10% lost");
        NS_TEST_EXPECT_MSG_LT(s1.lost, 300u, "about 10% lost");
        NS_TEST_EXPECT_MSG_EQ(s1.lost + s1.delivered, 2000u, "each byte lost or delivered");
    }
};

/**
 * The error model's rates hold in both directions at once: the draws are taken as bytes
 * are written (doc/tun.rst, "Serial lines"), in the order both ports write them.
 */
class SerialErrorRateTestCase : public TestCase
{
  public:
    SerialErrorRateTestCase()
        : TestCase("byte errors: loss and corruption rates hold with both directions busy")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t n = 100000;
        LineBench bench(
            [n](Ptr<SerialLine> l) {
                l->SetAttribute("ByteLossRate", DoubleValue(0.02));
                l->SetAttribute("ByteErrorRate", DoubleValue(0.03));
                l->SetAttribute("TxBufferSize", UintegerValue(n));
                l->SetAttribute("RxBufferSize", UintegerValue(n));
                l->AssignStreams(11);
            },
            BSD_O_RDWR | BSD_O_NONBLOCK);
        bench.pa->Write(bench.fa, Pattern(n), [](int, int64_t) {});
        bench.pb->Write(bench.fb, Pattern(n), [](int, int64_t) {});
        Simulator::Run();
        for (uint32_t d = 0; d < 2; ++d)
        {
            SerialLine::Stats s = bench.line->GetStats(d);
            NS_TEST_EXPECT_MSG_EQ(s.sent, n, "all sent " << d);
            NS_TEST_EXPECT_MSG_EQ(s.lost + s.delivered, n, "lost or delivered " << d);
            // Five standard deviations: sqrt(1e5 * 0.02 * 0.98) = 44, and 53 for 2.94%.
            NS_TEST_EXPECT_MSG_GT(s.lost, 2000u - 221, "2% lost " << d);
            NS_TEST_EXPECT_MSG_LT(s.lost, 2000u + 221, "2% lost " << d);
            NS_TEST_EXPECT_MSG_GT(s.corrupted, 2940u - 266, "3% of the rest flipped " << d);
            NS_TEST_EXPECT_MSG_LT(s.corrupted, 2940u + 266, "3% of the rest flipped " << d);
        }
        Simulator::Destroy();
    }
};

/**
 * ReadWakeup frame: the reader is woken once per frame, at the very time at which the
 * default (a wakeup per 16550 interrupt) hands it the frame's closing flag, and it reads
 * the same bytes.
 */
class SerialFrameWakeupTestCase : public TestCase
{
  public:
    SerialFrameWakeupTestCase()
        : TestCase("ReadWakeup frame: one wakeup per frame, when its closing flag is handed over")
    {
    }

  private:
    /// Two frames (a 61-octet one, then a 41-octet one) written at 1 s; the reads.
    static std::vector<std::pair<Time, std::vector<uint8_t>>> Reads(const std::string& wakeup,
                                                                    std::vector<uint8_t>* sent)
    {
        LineBench bench(
            [&wakeup](Ptr<SerialLine> l) { l->SetAttribute("ReadWakeup", StringValue(wakeup)); });
        std::vector<uint8_t> frames = {HDLC_FLAG};
        for (uint8_t i = 0; i < 60; ++i)
        {
            frames.push_back(static_cast<uint8_t>(i + 1));
        }
        frames.push_back(HDLC_FLAG);
        frames.push_back(HDLC_FLAG);
        for (uint8_t i = 0; i < 40; ++i)
        {
            frames.push_back(static_cast<uint8_t>(0x80 + i));
        }
        frames.push_back(HDLC_FLAG);
        *sent = frames;
        std::vector<std::pair<Time, std::vector<uint8_t>>> reads;
        std::size_t got = 0;
        std::function<void()> readMore = [&] {
            bench.pb->Read(bench.fb, 4096, [&](int, const std::vector<uint8_t>& d) {
                reads.emplace_back(Simulator::Now(), d);
                got += d.size();
                if (got < frames.size() && !d.empty())
                {
                    readMore();
                }
            });
        };
        readMore();
        Simulator::Schedule(Seconds(1),
                            [&] { bench.pa->Write(bench.fa, frames, [](int, int64_t) {}); });
        Simulator::Run();
        Simulator::Destroy();
        return reads;
    }

    void DoRun() override
    {
        std::vector<uint8_t> sent;
        auto perInterrupt = Reads("interrupt", &sent);
        auto perFrame = Reads("frame", &sent);
        NS_TEST_EXPECT_MSG_EQ(perInterrupt.size(), 8u, "104 octets: 7 interrupts of 14, a tail");
        NS_TEST_ASSERT_MSG_EQ(perFrame.size(), 2u, "a wakeup per frame");
        std::vector<uint8_t> a;
        std::vector<uint8_t> b;
        for (const auto& r : perInterrupt)
        {
            a.insert(a.end(), r.second.begin(), r.second.end());
        }
        for (const auto& r : perFrame)
        {
            b.insert(b.end(), r.second.begin(), r.second.end());
        }
        NS_TEST_EXPECT_MSG_EQ((a == sent), true, "every octet, in order (per interrupt)");
        NS_TEST_EXPECT_MSG_EQ((b == sent), true, "every octet, in order (per frame)");
        // The closing flags are octets 62 and 104: the per-interrupt reads that hand
        // them over are the fifth (octets 57..70) and the last (99..104, the timeout).
        NS_TEST_EXPECT_MSG_EQ(perFrame[0].first, perInterrupt[4].first, "first frame's flag");
        NS_TEST_EXPECT_MSG_EQ(perFrame[0].second.size(), 70u, "all handed over by then");
        NS_TEST_EXPECT_MSG_EQ(perFrame[1].first, perInterrupt[7].first, "second frame's flag");
    }
};

/**
 * The line hands runs of octets over in bulk and looks ahead for the next wakeup; a byte
 * trace makes it step octet by octet instead. Both must give every reader the same
 * octets at the same times: bursts back to back, a gap under, at and over the FIFO's
 * four-character timeout, at a baud whose character is a whole number of nanoseconds
 * and at one whose is not, with and without byte errors, in both wakeup modes.
 */
class SerialBulkAgreesTestCase : public TestCase
{
  public:
    SerialBulkAgreesTestCase()
        : TestCase("bulk arrivals and look-ahead agree with stepping octet by octet")
    {
    }

  private:
    using Reads = std::vector<std::pair<Time, std::vector<uint8_t>>>;

    /// Frames written in bursts; gaps in characters between the end of one and the next.
    static Reads Run(uint64_t baud,
                     Time delay,
                     const std::string& wakeup,
                     double errorRate,
                     bool perByte)
    {
        LineBench bench([&](Ptr<SerialLine> l) {
            l->SetAttribute("BaudRate", UintegerValue(baud));
            l->SetAttribute("ReadWakeup", StringValue(wakeup));
            l->SetAttribute("ByteErrorRate", DoubleValue(errorRate));
            l->SetAttribute("Delay", TimeValue(delay));
        });
        bench.line->AssignStreams(7);
        if (perByte)
        {
            bench.line->TraceConnectWithoutContext(
                "Rx",
                Callback<void, uint32_t, uint8_t>([](uint32_t, uint8_t) {}));
        }
        Time character = bench.line->GetTransmissionTime(1);
        Time at = Seconds(1);
        std::size_t total = 0;

        // Frames: length, the pause after it and, if not 0, a pause in its middle (the
        // frame written in two halves), in characters.
        struct Burst
        {
            std::size_t length;
            double gap;
            double pause;
        };

        const std::vector<Burst> bursts = {{61, 2, 0},
                                           {41, 4, 0},
                                           {30, 3.5, 0},
                                           {100, 9, 6},
                                           {80, 1, 4},
                                           {70, 5, 2.5},
                                           {13, 1, 0},
                                           {14, 0, 0}};
        auto write = [&bench](Time when, std::vector<uint8_t> octets) {
            Simulator::Schedule(when, [&bench, octets] {
                bench.pa->Write(bench.fa, octets, [](int, int64_t) {});
            });
        };
        for (const Burst& burst : bursts)
        {
            std::vector<uint8_t> frame = {HDLC_FLAG};
            for (std::size_t i = 1; i + 1 < burst.length; ++i)
            {
                frame.push_back(static_cast<uint8_t>(i * 13 + burst.length));
            }
            frame.push_back(HDLC_FLAG);
            total += frame.size();
            if (burst.pause > 0)
            {
                auto half = frame.begin() + static_cast<std::ptrdiff_t>(frame.size() / 2);
                write(at, std::vector<uint8_t>(frame.begin(), half));
                at += bench.line->GetTransmissionTime(frame.size() / 2) + burst.pause * character;
                frame.erase(frame.begin(), half);
            }
            write(at, frame);
            at += bench.line->GetTransmissionTime(frame.size()) + burst.gap * character;
        }
        Reads reads;
        std::size_t got = 0;
        std::function<void()> readMore = [&] {
            bench.pb->Read(bench.fb, 4096, [&](int, const std::vector<uint8_t>& d) {
                reads.emplace_back(Simulator::Now(), d);
                got += d.size();
                if (got < total && !d.empty())
                {
                    readMore();
                }
            });
        };
        readMore();
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        Simulator::Destroy();
        return reads;
    }

    void DoRun() override
    {
        // A delay under a character, and one of many: then octets of several bursts are
        // on the wire at once, and one catch-up can span the gaps between them.
        for (uint64_t baud : {115200u, 1000000u})
        {
            for (Time delay : {MicroSeconds(3), MilliSeconds(2)})
            {
                for (const char* wakeup : {"interrupt", "frame"})
                {
                    for (double errorRate : {0.0, 0.02})
                    {
                        Check(baud, delay, wakeup, errorRate);
                    }
                }
            }
        }
    }

    /// Run one case both ways and compare the reads. \param baud \param delay
    /// \param wakeup \param errorRate as for Run
    void Check(uint64_t baud, Time delay, const char* wakeup, double errorRate)
    {
        Reads bulk = Run(baud, delay, wakeup, errorRate, false);
        Reads stepped = Run(baud, delay, wakeup, errorRate, true);
        std::string what = std::to_string(baud) + " baud, delay " +
                           std::to_string(delay.GetMicroSeconds()) + " us, " + wakeup +
                           ", error rate " + std::to_string(errorRate);
        NS_TEST_EXPECT_MSG_GT(bulk.size(), 1u, what);
        NS_TEST_ASSERT_MSG_EQ(bulk.size(), stepped.size(), what << ": reads");
        for (std::size_t i = 0; i < bulk.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(bulk[i].first, stepped[i].first, what << " #" << i);
            NS_TEST_EXPECT_MSG_EQ((bulk[i].second == stepped[i].second),
                                  true,
                                  what << " #" << i << ": octets");
        }
    }
};

/**
 * Cutting the carrier loses what is on the wire, gives readers end of file and writers
 * EIO, clears TIOCM_CD and makes poll report POLLHUP; restoring it lets bytes flow.
 */
class SerialCarrierTestCase : public TestCase
{
  public:
    SerialCarrierTestCase()
        : TestCase("carrier: cut mid-transfer, EOF, EIO, TIOCM_CD, POLLHUP; restored")
    {
    }

  private:
    void DoRun() override
    {
        LineBench bench;
        std::vector<int> cdBits;
        bench.line->TraceConnectWithoutContext("Carrier", Callback<void, bool>([&cdBits](bool up) {
                                                   cdBits.push_back(up);
                                               }));
        std::size_t received = 0;
        bool eof = false;
        std::function<void()> readMore = [&] {
            bench.pb->Read(bench.fb, 4096, [&](int e, const std::vector<uint8_t>& d) {
                if (e == BSD_OK && d.empty())
                {
                    eof = true;
                    return;
                }
                received += d.size();
                readMore();
            });
        };
        readMore();
        Time t0 = Seconds(1);
        Simulator::Schedule(t0,
                            [&] { bench.pa->Write(bench.fa, Pattern(1000), [](int, int64_t) {}); });
        Simulator::Schedule(t0 + bench.line->GetTransmissionTime(500) + NanoSeconds(1),
                            &SerialLine::SetCarrier,
                            bench.line,
                            false);
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(eof, true, "the blocked reader got end of file");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(received, 500u, "nothing after the cut");
        NS_TEST_EXPECT_MSG_GT(received, 480u, "everything before it (but the FIFO's tail)");
        SerialLine::Stats s = bench.line->GetStats(0);
        NS_TEST_EXPECT_MSG_EQ(s.lost + s.delivered, 1000u, "every byte accounted for");

        NS_TEST_EXPECT_MSG_EQ(WriteNow(bench.pa, bench.fa, {1}).first, BSD_EIO, "no carrier");
        auto modem = IoctlNow(bench.pa, bench.fa, BSD_TIOCMGET, {});
        NS_TEST_EXPECT_MSG_EQ((BytesInt(modem.second) & BSD_TIOCM_CD), 0, "CD clear");
        int16_t revents = 0;
        bench.pa->Poll({BsdProcess::PollFd{bench.fa, BSD_POLLIN, 0}},
                       Time(0),
                       [&revents](int, int, const std::vector<BsdProcess::PollFd>& f) {
                           revents = f[0].revents;
                       });
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ((revents & BSD_POLLHUP), BSD_POLLHUP, "POLLHUP");

        bench.line->SetCarrier(true);
        modem = IoctlNow(bench.pa, bench.fa, BSD_TIOCMGET, {});
        NS_TEST_EXPECT_MSG_EQ((BytesInt(modem.second) & BSD_TIOCM_CD), BSD_TIOCM_CD, "CD set");
        WriteNow(bench.pa, bench.fa, Pattern(28));
        auto [e, d] = ReadNow(bench.pb, bench.fb, 4096);
        NS_TEST_EXPECT_MSG_EQ(d.size(), 28u, "bytes flow again");
        NS_TEST_EXPECT_MSG_EQ(cdBits.size(), 2u, "down and up traced");
        Simulator::Destroy();
    }
};

/**
 * HangupOnClose: a port raises DTR on open and drops it on its last close (HUPCL), and
 * the carrier is there only while both have DTR up; by default (off) it is there with
 * no port open at all.
 */
class SerialHangupTestCase : public TestCase
{
  public:
    SerialHangupTestCase()
        : TestCase("HangupOnClose: DTR on open, dropped on last close, carrier needs both")
    {
    }

  private:
    /// \return whether TIOCMGET on \p fd of \p p reports carrier detect
    static bool Cd(Ptr<BsdProcess> p, int fd)
    {
        return BytesInt(IoctlNow(p, fd, BSD_TIOCMGET, {}).second) & BSD_TIOCM_CD;
    }

    void DoRun() override
    {
        Ptr<Node> a = CreateObject<Node>();
        Ptr<Node> b = CreateObject<Node>();
        Ptr<SerialLine> line = CreateObject<SerialLine>();
        line->SetAttribute("HangupOnClose", BooleanValue(true));
        line->Connect(a, 0, b, 0);
        NS_TEST_EXPECT_MSG_EQ(line->GetCarrier(), false, "no port open: no DTR, no carrier");
        std::vector<bool> traced;
        line->TraceConnectWithoutContext("Carrier", Callback<void, bool>([&traced](bool up) {
                                             traced.push_back(up);
                                         }));
        Ptr<BsdProcess> pa = CreateObject<BsdProcess>();
        pa->Attach(a);
        Ptr<BsdProcess> pb = CreateObject<BsdProcess>();
        pb->Attach(b);
        int fa = OpenNow(pa, "/dev/cuaa0", BSD_O_RDWR | BSD_O_NONBLOCK).second;
        NS_TEST_EXPECT_MSG_EQ(Cd(pa, fa), false, "only a's DTR: no carrier");
        int fb = OpenNow(pb, "/dev/cuaa0", BSD_O_RDWR | BSD_O_NONBLOCK).second;
        NS_TEST_EXPECT_MSG_EQ(Cd(pa, fa), true, "both: carrier");
        NS_TEST_EXPECT_MSG_EQ(Cd(pb, fb), true, "at both ends");
        int fb2 = OpenNow(pb, "/dev/cuaa0", BSD_O_RDWR | BSD_O_NONBLOCK).second;
        CloseNow(pb, fb);
        NS_TEST_EXPECT_MSG_EQ(Cd(pa, fa), true, "not the last close: DTR stays");
        CloseNow(pb, fb2);
        NS_TEST_EXPECT_MSG_EQ(Cd(pa, fa), false, "b's last close dropped DTR: hung up");
        NS_TEST_EXPECT_MSG_EQ(WriteNow(pa, fa, {1}).first, BSD_EIO, "a's writes fail");
        NS_TEST_EXPECT_MSG_EQ(ReadNow(pa, fa, 16).second.size(), 0u, "a reads end of file");
        fb = OpenNow(pb, "/dev/cuaa0", BSD_O_RDWR | BSD_O_NONBLOCK).second;
        NS_TEST_EXPECT_MSG_EQ(Cd(pa, fa), true, "b opened again: carrier back");
        line->SetCarrier(false);
        NS_TEST_EXPECT_MSG_EQ(Cd(pb, fb), false, "a cut still cuts");
        NS_TEST_ASSERT_MSG_EQ(traced.size(), 4u, "up, down, up, down traced");
        NS_TEST_EXPECT_MSG_EQ(traced[0], true, "");
        NS_TEST_EXPECT_MSG_EQ(traced[1], false, "");
        Simulator::Destroy();

        Ptr<SerialLine> strapped = CreateObject<SerialLine>();
        strapped->Connect(CreateObject<Node>(), 0, CreateObject<Node>(), 0);
        NS_TEST_EXPECT_MSG_EQ(strapped->GetCarrier(), true, "default: DCD strapped on");
        Simulator::Destroy();
    }
};

/**
 * Each port's pcap is DLT_PPP: one record per good frame (Address, Control, Protocol,
 * Information), decoded from the byte stream, the frames it sent stamped when their
 * closing flag left it and the frames it received when theirs arrived; a corrupted frame
 * is counted, not written. The ascii trace says the same in ns-3's style ("-" sent,
 * "r" received, "d" rejected), naming the port.
 */
class SerialPcapTestCase : public TestCase
{
  public:
    SerialPcapTestCase()
        : TestCase("pcap and ascii: each port's frames, sent and received, decoded")
    {
    }

  private:
    void DoRun() override
    {
        std::string stem = (std::filesystem::temp_directory_path() /
                            ("serial-pcap-test-" + std::to_string(getpid())))
                               .string();
        std::string files[2] = {stem + "-a.pcap", stem + "-b.pcap"};
        std::vector<uint8_t> ip = {0x45, 0, 0,  20, 0, 0, 0,  0, 64, 17,
                                   0,    0, 10, 0,  0, 1, 10, 0, 0,  2};
        std::vector<uint8_t> lcp = {0x09, 0x01, 0x00, 0x08, 0xde, 0xad, 0xbe, 0xef}; // Echo-Request
        std::vector<uint8_t> reply = {0x0a, 0x01, 0x00, 0x08, 0, 0, 0, 0};           // Echo-Reply
        std::vector<uint8_t> fromA;
        HdlcEncode(0x0021,
                   ip.data(),
                   ip.size(),
                   HdlcTxOptions{0, true, true, HdlcFcs::FCS16},
                   fromA);
        const std::size_t ipOctets = fromA.size(); // with both flags
        std::vector<uint8_t> bad;
        HdlcEncode(0x0021, ip.data(), ip.size(), HdlcTxOptions{}, bad);
        bad[bad.size() - 3] ^= 0x40; // an FCS octet
        fromA.insert(fromA.end(), bad.begin(), bad.end());
        HdlcEncode(0xc021, lcp.data(), lcp.size(), HdlcTxOptions{}, fromA);
        std::vector<uint8_t> fromB;
        HdlcEncode(0xc021, reply.data(), reply.size(), HdlcTxOptions{}, fromB);
        const Time delay = MilliSeconds(5);
        Time ipSent;
        std::ostringstream ascii;
        {
            LineBench bench([&](Ptr<SerialLine> l) { l->SetAttribute("Delay", TimeValue(delay)); });
            auto stream = Create<OutputStreamWrapper>(&ascii);
            for (uint32_t port = 0; port < 2; ++port)
            {
                bench.line->EnablePcap(files[port], port);
                bench.line->EnableAscii(stream, port);
            }
            ipSent = bench.line->GetTransmissionTime(ipOctets);
            WriteNow(bench.pa, bench.fa, fromA);
            Simulator::Schedule(Seconds(1),
                                [&bench, fromB] { WriteNow(bench.pb, bench.fb, fromB); });
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(bench.line->GetTraceDropped(), 2u, "the bad frame, at each port");
            bench.line->Dispose(); // closes the files
            Simulator::Destroy();
        }
        PcapContents pcap[2] = {ReadPcap(files[0]), ReadPcap(files[1])};
        std::filesystem::remove(files[0]);
        std::filesystem::remove(files[1]);
        auto record = [](uint16_t protocol, const std::vector<uint8_t>& info) {
            // Sized first: GCC 12 -O2 warns (array-bounds) on inserting into a 4-octet list.
            std::vector<uint8_t> r(4 + info.size());
            r[0] = 0xff;
            r[1] = 0x03;
            r[2] = uint8_t(protocol >> 8);
            r[3] = uint8_t(protocol);
            std::copy(info.begin(), info.end(), r.begin() + 4);
            return r;
        };
        for (int port = 0; port < 2; ++port)
        {
            NS_TEST_ASSERT_MSG_EQ(pcap[port].opened, true, "the file opens");
            NS_TEST_EXPECT_MSG_EQ(pcap[port].linkType, 9u, "DLT_PPP");
            NS_TEST_ASSERT_MSG_EQ(pcap[port].records.size(), 3u, "three good frames");
            NS_TEST_EXPECT_MSG_EQ((pcap[port].records[0] == record(0x0021, ip)),
                                  true,
                                  "compressed on the wire, full here");
            NS_TEST_EXPECT_MSG_EQ((pcap[port].records[1] == record(0xc021, lcp)), true, "LCP");
            NS_TEST_EXPECT_MSG_EQ((pcap[port].records[2] == record(0xc021, reply)), true, "b's");
        }
        NS_TEST_EXPECT_MSG_EQ(pcap[0].microseconds[0],
                              uint64_t(ipSent.GetMicroSeconds()),
                              "sent: when the closing flag left a");
        NS_TEST_EXPECT_MSG_EQ(pcap[1].microseconds[0],
                              uint64_t((ipSent + delay).GetMicroSeconds()),
                              "received: when it reached b");

        std::map<std::string, int> lines;
        std::istringstream in(ascii.str());
        for (std::string line; std::getline(in, line);)
        {
            std::istringstream words(line);
            std::string event;
            std::string time;
            std::string rest;
            words >> event >> time;
            std::getline(words, rest);
            ++lines[event + rest];
        }
        NS_TEST_EXPECT_MSG_EQ(lines["- /NodeList/0/dev/cuaa0 IP 20"], 1, "a sent the datagram");
        NS_TEST_EXPECT_MSG_EQ(lines["d /NodeList/0/dev/cuaa0 bad-fcs"], 1, "and a bad frame");
        NS_TEST_EXPECT_MSG_EQ(lines["r /NodeList/1/dev/cuaa0 IP 20"], 1, "b received it");
        NS_TEST_EXPECT_MSG_EQ(lines["d /NodeList/1/dev/cuaa0 bad-fcs"],
                              1,
                              "b rejected the bad one");
        NS_TEST_EXPECT_MSG_EQ(lines["- /NodeList/0/dev/cuaa0 LCP 8"], 1, "a sent the request");
        NS_TEST_EXPECT_MSG_EQ(lines["r /NodeList/1/dev/cuaa0 LCP 8"], 1, "b received it");
        NS_TEST_EXPECT_MSG_EQ(lines["- /NodeList/1/dev/cuaa0 LCP 8"], 1, "b sent the reply");
        NS_TEST_EXPECT_MSG_EQ(lines["r /NodeList/0/dev/cuaa0 LCP 8"], 1, "a received it");
        NS_TEST_EXPECT_MSG_EQ(lines.size(), 8u, "nothing else");
    }
};

namespace
{

/// A temporary file name for this test program.
std::string
TempFile(const std::string& name)
{
    return (std::filesystem::temp_directory_path() /
            (name + "-" + std::to_string(getpid()) + ".pppd"))
        .string();
}

/// pppd record time of a simulated time: tenths since 1970, for \p epoch at time 0.
uint64_t
TenthsAt(uint32_t epoch, Time t)
{
    return uint64_t(epoch) * 10 + t.GetMilliSeconds() / 100;
}

/**
 * An exchange recorded from port a: an LCP Echo-Request from a at 0 s, an IPv4 frame
 * from b at 1.25 s, another Echo-Request from a at 40 s. Returns the file's name.
 */
std::string
RecordExchange(const std::string& name,
               uint32_t epoch,
               std::vector<uint8_t>* fromA,
               std::vector<uint8_t>* fromB)
{
    std::string file = TempFile(name);
    std::vector<uint8_t> ip = {0x45, 0, 0, 20, 0, 0, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2};
    std::vector<uint8_t> echo = {0x09, 0x01, 0x00, 0x08, 0xde, 0xad, 0xbe, 0xef};
    std::vector<uint8_t> a1;
    std::vector<uint8_t> b1;
    std::vector<uint8_t> a2;
    HdlcEncode(0xc021, echo.data(), echo.size(), HdlcTxOptions{}, a1);
    HdlcEncode(0x0021, ip.data(), ip.size(), HdlcTxOptions{}, b1);
    echo[1] = 0x02; // the next identifier
    HdlcEncode(0xc021, echo.data(), echo.size(), HdlcTxOptions{}, a2);
    *fromA = a1;
    fromA->insert(fromA->end(), a2.begin(), a2.end());
    *fromB = b1;
    LineBench bench(
        [&](Ptr<SerialLine> l) { l->SetAttribute("PppdumpEpoch", UintegerValue(epoch)); });
    bench.line->EnablePppdump(file, 0);
    bench.pa->Write(bench.fa, a1, [](int, int64_t) {});
    Simulator::Schedule(Seconds(1.25),
                        [&bench, b1] { bench.pb->Write(bench.fb, b1, [](int, int64_t) {}); });
    Simulator::Schedule(Seconds(40),
                        [&bench, a2] { bench.pa->Write(bench.fa, a2, [](int, int64_t) {}); });
    Simulator::Run();
    bench.line->Dispose(); // writes the last record
    Simulator::Destroy();
    return file;
}

} // namespace

/**
 * pppd's record format (tty.c record_write, pppdump.c): a reset-time record with the
 * epoch, data records tagged 1 (sent by port a) and 2 (received by it), short (6) and
 * long (5) time steps in tenths of a second; the same run writes the same file.
 */
class SerialPppdumpTestCase : public TestCase
{
  public:
    SerialPppdumpTestCase()
        : TestCase("pppdump: pppd record format, both directions, tenths, byte-identical")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t epoch = 1000000000; // 0x3b9aca00
        std::vector<uint8_t> fromA;
        std::vector<uint8_t> fromB;
        std::string file = RecordExchange("serial-pppdump", epoch, &fromA, &fromB);
        PppdumpContents c = ReadPppdump(file);
        std::string again = RecordExchange("serial-pppdump-again", epoch, &fromA, &fromB);
        PppdumpContents d = ReadPppdump(again);
        std::filesystem::remove(file);
        std::filesystem::remove(again);

        NS_TEST_ASSERT_MSG_EQ(c.ok, true, "the file parses to its end");
        NS_TEST_EXPECT_MSG_EQ((c.raw == d.raw), true, "the same run, the same bytes");
        std::vector<uint8_t> head = {7, 0x3b, 0x9a, 0xca, 0x00, 1};
        NS_TEST_ASSERT_MSG_GT(c.raw.size(), head.size(), "");
        NS_TEST_EXPECT_MSG_EQ((std::vector<uint8_t>(c.raw.begin(), c.raw.begin() + 6) == head),
                              true,
                              "reset time first, then a's first bytes with no step");
        NS_TEST_ASSERT_MSG_EQ(c.resets.size(), 1u, "one start marker");
        NS_TEST_EXPECT_MSG_EQ(c.resets[0], epoch, "simulated time 0 is the epoch");

        std::vector<uint8_t> sent;
        std::vector<uint8_t> received;
        for (const PppdumpRecord& r : c.records)
        {
            NS_TEST_EXPECT_MSG_EQ((r.tag == 1 || r.tag == 2), true, "only data records");
            (r.tag == 1 ? sent : received)
                .insert((r.tag == 1 ? sent : received).end(), r.data.begin(), r.data.end());
        }
        NS_TEST_EXPECT_MSG_EQ((sent == fromA), true, "tag 1: what a's transmitter sent");
        NS_TEST_EXPECT_MSG_EQ((received == fromB), true, "tag 2: what reached a's UART");

        // Three bursts, each well inside a tenth: three records.
        NS_TEST_ASSERT_MSG_EQ(c.records.size(), 3u, "one record per burst");
        NS_TEST_EXPECT_MSG_EQ(c.records[0].tenths, TenthsAt(epoch, Seconds(0)), "a at 0 s");
        NS_TEST_EXPECT_MSG_EQ(c.records[1].tag, 2, "b's frame, received");
        NS_TEST_EXPECT_MSG_EQ(c.records[1].tenths, TenthsAt(epoch, Seconds(1.2)), "at 1.2x s");
        NS_TEST_EXPECT_MSG_EQ(c.records[2].tenths, TenthsAt(epoch, Seconds(40)), "at 40 s");
        NS_TEST_ASSERT_MSG_EQ(c.steps.size(), 2u, "two steps");
        NS_TEST_EXPECT_MSG_EQ(c.steps[0], 6, "12 tenths fit a byte");
        NS_TEST_EXPECT_MSG_EQ(c.steps[1], 5, "388 tenths do not");
    }
};

/**
 * Wireshark reads pppd record files: tshark, when installed, decodes the recorded
 * stream into PPP frames. Without tshark the case passes without checking anything.
 */
class SerialPppdumpTsharkTestCase : public TestCase
{
  public:
    SerialPppdumpTsharkTestCase()
        : TestCase("pppdump: tshark decodes the record file into PPP frames (if installed)")
    {
    }

  private:
    void DoRun() override
    {
        if (std::system("command -v tshark >/dev/null 2>&1") != 0)
        {
            std::cout << "    SKIP: tshark is not installed" << std::endl;
            return;
        }
        std::vector<uint8_t> fromA;
        std::vector<uint8_t> fromB;
        std::string file = RecordExchange("serial-pppdump-tshark", 1000000000, &fromA, &fromB);
        std::string out = file + ".txt";
        std::string command =
            "tshark -r '" + file + "' -T fields -e ppp.protocol > '" + out + "' 2>/dev/null";
        int status = std::system(command.c_str());
        std::ifstream in(out);
        std::vector<std::string> protocols;
        for (std::string line; std::getline(in, line);)
        {
            protocols.push_back(line);
        }
        std::filesystem::remove(file);
        std::filesystem::remove(out);
        NS_TEST_ASSERT_MSG_EQ(status, 0, "tshark reads the file");
        NS_TEST_ASSERT_MSG_EQ(protocols.size(), 3u, "three PPP frames");
        NS_TEST_EXPECT_MSG_EQ(protocols[0], "0xc021", "LCP from a");
        NS_TEST_EXPECT_MSG_EQ(protocols[1], "0x0021", "IPv4 from b");
        NS_TEST_EXPECT_MSG_EQ(protocols[2], "0xc021", "LCP from a");
    }
};

/// The serial line suite.
class SerialLineTestSuite : public TestSuite
{
  public:
    SerialLineTestSuite()
        : TestSuite("serial-line", UNIT)
    {
        AddTestCase(new SerialTimingTestCase, TestCase::QUICK);
        AddTestCase(new SerialFifoTestCase, TestCase::QUICK);
        AddTestCase(new SerialTtyTestCase, TestCase::QUICK);
        AddTestCase(new SerialErrorTestCase, TestCase::QUICK);
        AddTestCase(new SerialErrorRateTestCase, TestCase::QUICK);
        AddTestCase(new SerialFrameWakeupTestCase, TestCase::QUICK);
        AddTestCase(new SerialBulkAgreesTestCase, TestCase::QUICK);
        AddTestCase(new SerialCarrierTestCase, TestCase::QUICK);
        AddTestCase(new SerialHangupTestCase, TestCase::QUICK);
        AddTestCase(new SerialPcapTestCase, TestCase::QUICK);
        AddTestCase(new SerialPppdumpTestCase, TestCase::QUICK);
        AddTestCase(new SerialPppdumpTsharkTestCase, TestCase::QUICK);
    }
};

/// Registers the suite with ns-3's test runner.
static SerialLineTestSuite g_serialLineTestSuite;
