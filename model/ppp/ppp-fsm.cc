/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "ppp-fsm.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <array>
#include <sstream>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PppFsm");

NS_OBJECT_ENSURE_REGISTERED(PppFsm);

namespace
{

/// The actions of section 4.4.
enum Action
{
    TLU,
    TLD,
    TLS,
    TLF,
    IRC,
    ZRC,
    SCR,
    SCA,
    SCN,
    STR,
    STA,
    SCJ,
    SER,
};

/// One cell of the transition table.
struct Cell
{
    bool legal{false};                   //!< "-": the event cannot happen in this state
    std::vector<Action> actions;         //!< in the order written
    PppFsm::State next{PppFsm::INITIAL}; //!< the new state
    bool restart{false};                 //!< "r": the restart option applies
};

/**
 * RFC 1661 section 4.1, transcribed: one row per event, one column per state (Initial,
 * Starting, Closed, Stopped, Closing, Stopping, Req-Sent, Ack-Rcvd, Ack-Sent, Opened).
 * "p" and "x" mark the passive and crossed-connection notes; their actions are as
 * written.
 */
const char* const g_table[PppFsm::EVENT_COUNT][10] = {
    /* Up   */ {"2", "irc,scr/6", "-", "-", "-", "-", "-", "-", "-", "-"},
    /* Down */ {"-", "-", "0", "tls/1", "0", "1", "1", "1", "1", "tld/1"},
    /* Open */ {"tls/1", "1", "irc,scr/6", "3r", "5r", "5r", "6", "7", "8", "9r"},
    /* Close*/
    {"0", "tlf/0", "2", "2", "4", "4", "irc,str/4", "irc,str/4", "irc,str/4", "tld,irc,str/4"},
    /* TO+  */ {"-", "-", "-", "-", "str/4", "str/5", "scr/6", "scr/6", "scr/8", "-"},
    /* TO-  */ {"-", "-", "-", "-", "tlf/2", "tlf/3", "tlf/3p", "tlf/3p", "tlf/3p", "-"},
    /* RCR+ */
    {"-", "-", "sta/2", "irc,scr,sca/8", "4", "5", "sca/8", "sca,tlu/9", "sca/8", "tld,scr,sca/8"},
    /* RCR- */
    {"-", "-", "sta/2", "irc,scr,scn/6", "4", "5", "scn/6", "scn/7", "scn/6", "tld,scr,scn/6"},
    /* RCA  */ {"-", "-", "sta/2", "sta/3", "4", "5", "irc/7", "scr/6x", "irc,tlu/9", "tld,scr/6x"},
    /* RCN  */
    {"-", "-", "sta/2", "sta/3", "4", "5", "irc,scr/6", "scr/6x", "irc,scr/8", "tld,scr/6x"},
    /* RTR  */
    {"-", "-", "sta/2", "sta/3", "sta/4", "sta/5", "sta/6", "sta/6", "sta/6", "tld,zrc,sta/5"},
    /* RTA  */ {"-", "-", "2", "3", "tlf/2", "tlf/3", "6", "6", "8", "tld,scr/6"},
    /* RUC  */
    {"-", "-", "scj/2", "scj/3", "scj/4", "scj/5", "scj/6", "scj/7", "scj/8", "scj/9"},
    /* RXJ+ */ {"-", "-", "2", "3", "4", "5", "6", "6", "8", "9"},
    /* RXJ- */
    {"-", "-", "tlf/2", "tlf/3", "tlf/2", "tlf/3", "tlf/3", "tlf/3", "tlf/3", "tld,irc,str/5"},
    /* RXR  */ {"-", "-", "2", "3", "4", "5", "6", "7", "8", "ser/9"},
};

/// Parse "tld,irc,str/4" (or "3r", "-").
Cell
ParseCell(const std::string& text)
{
    Cell cell;
    if (text == "-")
    {
        return cell;
    }
    cell.legal = true;
    std::string actions;
    std::string target = text;
    if (auto slash = text.find('/'); slash != std::string::npos)
    {
        actions = text.substr(0, slash);
        target = text.substr(slash + 1);
    }
    cell.next = static_cast<PppFsm::State>(target[0] - '0');
    cell.restart = target.find('r') != std::string::npos;
    std::istringstream names(actions);
    std::string name;
    static const std::array<const char*, 13> known =
        {"tlu", "tld", "tls", "tlf", "irc", "zrc", "scr", "sca", "scn", "str", "sta", "scj", "ser"};
    while (std::getline(names, name, ','))
    {
        bool found = false;
        for (std::size_t i = 0; i < known.size(); ++i)
        {
            if (name == known[i])
            {
                cell.actions.push_back(static_cast<Action>(i));
                found = true;
            }
        }
        NS_ABORT_MSG_IF(!found, "PppFsm: bad action \"" << name << "\" in the table");
    }
    return cell;
}

/// The parsed table.
const Cell&
Transition(PppFsm::State s, PppFsm::Event e)
{
    static const auto table = [] {
        std::array<std::array<Cell, 10>, PppFsm::EVENT_COUNT> t;
        for (int ev = 0; ev < PppFsm::EVENT_COUNT; ++ev)
        {
            for (int st = 0; st < 10; ++st)
            {
                t[ev][st] = ParseCell(g_table[ev][st]);
            }
        }
        return t;
    }();
    return table[e][s];
}

/// The states in which the restart timer runs (section 4.6).
bool
TimerRuns(PppFsm::State s)
{
    return s == PppFsm::CLOSING || s == PppFsm::STOPPING || s == PppFsm::REQ_SENT ||
           s == PppFsm::ACK_RCVD || s == PppFsm::ACK_SENT;
}

} // namespace

TypeId
PppFsm::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PppFsm")
            .SetParent<Object>()
            .SetGroupName("Tun")
            .AddConstructor<PppFsm>()
            .AddAttribute("Restart",
                          "The restart timer (RFC 1661 section 4.6: 3 seconds by default).",
                          TimeValue(Seconds(3)),
                          MakeTimeAccessor(&PppFsm::m_restartTime),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("MaxConfigure",
                          "Configure-Requests sent without an answer before giving up.",
                          UintegerValue(10),
                          MakeUintegerAccessor(&PppFsm::m_maxConfigure),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("MaxTerminate",
                          "Terminate-Requests sent without an answer before giving up.",
                          UintegerValue(2),
                          MakeUintegerAccessor(&PppFsm::m_maxTerminate),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("RestartOnOpen",
                          "The restart option (3r, 5r, 9r): an Open in Stopped, Stopping or "
                          "Opened restarts the negotiation with a Down and an Up.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&PppFsm::m_restartOnOpen),
                          MakeBooleanChecker())
            .AddTraceSource("StateChange",
                            "A transition: protocol, old state, new state, event.",
                            MakeTraceSourceAccessor(&PppFsm::m_stateTrace),
                            "ns3::PppFsm::StateChangeTracedCallback");
    return tid;
}

PppFsm::PppFsm()
    : m_restartTime(Seconds(3)),
      m_maxConfigure(10),
      m_maxTerminate(2),
      m_restartOnOpen(false)
{
}

PppFsm::~PppFsm() = default;

void
PppFsm::DoDispose()
{
    m_timer.Cancel();
    m_actions = Actions();
    Object::DoDispose();
}

void
PppFsm::Setup(const std::string& name, Actions actions)
{
    m_name = name;
    m_actions = std::move(actions);
}

PppFsm::State
PppFsm::GetState() const
{
    return m_state;
}

uint32_t
PppFsm::GetRestartCounter() const
{
    return m_restartCounter;
}

std::string
PppFsm::StateName(State s)
{
    static const char* names[] = {"Initial",
                                  "Starting",
                                  "Closed",
                                  "Stopped",
                                  "Closing",
                                  "Stopping",
                                  "Req-Sent",
                                  "Ack-Rcvd",
                                  "Ack-Sent",
                                  "Opened"};
    return names[s];
}

std::string
PppFsm::EventName(Event e)
{
    static const char* names[] = {"Up",
                                  "Down",
                                  "Open",
                                  "Close",
                                  "TO+",
                                  "TO-",
                                  "RCR+",
                                  "RCR-",
                                  "RCA",
                                  "RCN",
                                  "RTR",
                                  "RTA",
                                  "RUC",
                                  "RXJ+",
                                  "RXJ-",
                                  "RXR"};
    return names[e];
}

void
PppFsm::Up()
{
    Handle(UP);
}

void
PppFsm::Down()
{
    Handle(DOWN);
}

void
PppFsm::Open()
{
    Handle(OPEN);
}

void
PppFsm::Close()
{
    Handle(CLOSE);
}

void
PppFsm::ReceiveConfigureRequest(bool acceptable)
{
    Handle(acceptable ? RCR_PLUS : RCR_MINUS);
}

void
PppFsm::ReceiveConfigureAck()
{
    Handle(RCA);
}

void
PppFsm::ReceiveConfigureNak()
{
    Handle(RCN);
}

void
PppFsm::ReceiveTerminateRequest()
{
    Handle(RTR);
}

void
PppFsm::ReceiveTerminateAck()
{
    Handle(RTA);
}

void
PppFsm::ReceiveUnknownCode()
{
    Handle(RUC);
}

void
PppFsm::ReceiveCodeReject(bool catastrophic)
{
    Handle(catastrophic ? RXJ_MINUS : RXJ_PLUS);
}

void
PppFsm::ReceiveEchoOrDiscard()
{
    Handle(RXR);
}

void
PppFsm::InitializeRestartCount(bool terminate)
{
    m_terminating = terminate;
    m_restartCounter = terminate ? m_maxTerminate : m_maxConfigure;
}

void
PppFsm::ZeroRestartCount()
{
    // zrc: zero the counter and wait one restart time for the Terminate-Ack to leave.
    m_restartCounter = 0;
    RestartTimer();
}

void
PppFsm::RestartTimer()
{
    m_timer.Cancel();
    m_timer = Simulator::Schedule(m_restartTime, &PppFsm::Timeout, this);
}

void
PppFsm::SendCounted(const std::function<void()>& send)
{
    // scr and str: each request spends one restart count and restarts the timer.
    if (m_restartCounter > 0)
    {
        --m_restartCounter;
    }
    RestartTimer();
    if (send)
    {
        send();
    }
}

void
PppFsm::Timeout()
{
    Handle(m_restartCounter > 0 ? TO_PLUS : TO_MINUS);
}

void
PppFsm::Handle(Event e)
{
    State from = m_state;
    const Cell& cell = Transition(from, e);
    if (!cell.legal)
    {
        NS_LOG_WARN(m_name << ": event " << EventName(e) << " cannot happen in state "
                           << StateName(from) << "; ignored");
        return;
    }
    if (cell.restart)
    {
        // 3r, 5r, 9r: with the restart option, a Down and an Up; otherwise no change.
        if (m_restartOnOpen)
        {
            Handle(DOWN);
            Handle(UP);
        }
        return;
    }
    // irc counts Terminate-Requests when the automaton is headed for Closing/Stopping.
    bool terminating = cell.next == CLOSING || cell.next == STOPPING;
    auto call = [](const std::function<void()>& f) {
        if (f)
        {
            f();
        }
    };
    m_state = cell.next; // actions see the new state, as the RFC's "action/state" reads
    for (Action a : cell.actions)
    {
        switch (a)
        {
        case TLU:
            call(m_actions.thisLayerUp);
            break;
        case TLD:
            call(m_actions.thisLayerDown);
            break;
        case TLS:
            call(m_actions.thisLayerStarted);
            break;
        case TLF:
            call(m_actions.thisLayerFinished);
            break;
        case IRC:
            InitializeRestartCount(terminating);
            break;
        case ZRC:
            ZeroRestartCount();
            break;
        case SCR:
            SendCounted(m_actions.sendConfigureRequest);
            break;
        case SCA:
            call(m_actions.sendConfigureAck);
            break;
        case SCN:
            call(m_actions.sendConfigureNak);
            break;
        case STR:
            SendCounted(m_actions.sendTerminateRequest);
            break;
        case STA:
            call(m_actions.sendTerminateAck);
            break;
        case SCJ:
            call(m_actions.sendCodeReject);
            break;
        case SER:
            call(m_actions.sendEchoReply);
            break;
        }
    }
    if (!TimerRuns(m_state))
    {
        m_timer.Cancel();
    }
    if (from != m_state)
    {
        NS_LOG_INFO(m_name << ": " << StateName(from) << " -> " << StateName(m_state) << " on "
                           << EventName(e));
        m_stateTrace(m_name, StateName(from), StateName(m_state), EventName(e));
    }
}

} // namespace ns3
