/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// doc/tun.rst against the registered TypeIds: every attribute and trace source of the
// module is documented, under its class, and nothing is documented that does not exist.
//
// The TypeIds are the registered ones whose group is "Tun" (TypeId::GetRegistered), and
// of each only what it declares itself (GetAttribute(i), GetTraceSource(i): ns-3 keeps
// inherited ones on the parent's TypeId, where they are documented). Every
// TypeId("ns3::...") constructed in the .cc files under model/ and helper/ must be among them.
//
// The rule for doc/tun.rst, in the sections titled exactly "Attributes" and "Trace
// sources" (each exactly once; a section ends at the next title):
//
//  * a top-level bullet (a line that begins "* ") is a class entry and must begin with
//    ``ns3::Class`` (several classes may share it: ``ns3::A`` and ``ns3::B``); what
//    follows is free text, continued on lines indented by two spaces;
//  * a bullet nested in it (a line that begins "  * ") documents members of those
//    classes and must begin with ``Name`` (or several: ``A``, ``B`` and ``C``), then
//    free text, continued on lines indented by four spaces or more;
//  * in "Attributes" the names are followed by their default in parentheses, then the
//    meaning: ``Name`` (default): meaning. When the default is a number, a boolean, an
//    enum value, a string or an IPv4 address, the text in the parentheses (backquotes
//    dropped) must begin with the value as ns-3 writes it (UintegerValue 1500: "1500",
//    "1500; 72..65535"); a Time must begin with a number and a unit, "3 s", "20 ms", or
//    be "0"; other defaults (pointers, addresses) are free text;
//  * a line in column 0 that is not a bullet is prose and ends the class entry.
//
// It fails, naming each: an own attribute or trace source of a Tun TypeId not documented
// under its class in its section (missing); a documented name that the class does not
// declare, or a class that is not a Tun TypeId (stale); a name documented twice for one
// class; an entry that breaks the rule above; a default that disagrees with the code.

#include "module-dir.h"

#include "ns3/core-module.h"
#include "ns3/network-module.h"
#include "ns3/tun-module.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/// \return every registered TypeId of group "Tun", by name
std::map<std::string, TypeId>
TunTypeIds()
{
    // Referencing one class makes sure the module's library, whose static initializers
    // register the TypeIds, is loaded.
    TunNetDevice::GetTypeId();
    std::map<std::string, TypeId> tids;
    for (uint16_t i = 0; i < TypeId::GetRegisteredN(); ++i)
    {
        TypeId tid = TypeId::GetRegistered(i);
        if (tid.GetGroupName() == "Tun")
        {
            tids[tid.GetName()] = tid;
        }
    }
    return tids;
}

/// One name documented in a section, under one class.
struct DocItem
{
    std::string cls;         //!< the class, "ns3::SerialLine"
    std::string name;        //!< the attribute or trace source, "BaudRate"
    std::string defaultText; //!< Attributes only: the text in the parentheses after the names
    int line;                //!< line number in doc/tun.rst
};

/// What one section of doc/tun.rst documents, and how it breaks the rule.
struct DocSection
{
    int titles{0};                   //!< how many sections have this title
    std::vector<DocItem> items;      //!< documented names
    std::vector<std::string> errors; //!< entries that break the rule
};

/// \param line a line \return true when it underlines a title (one punctuation character)
bool
IsUnderline(const std::string& line)
{
    static const std::string marks = "=-*#^~\"'`+:.";
    if (line.size() < 3 || marks.find(line[0]) == std::string::npos)
    {
        return false;
    }
    return line.find_first_not_of(line[0]) == std::string::npos;
}

/**
 * Read a run of double-backquoted names at the start of \p text: ``A``, ``B`` and ``C``.
 * \param text the text, consumed up to the end of the run
 * \param pattern what a name must look like
 * \return the names; empty when \p text does not start with one
 */
std::vector<std::string>
LeadingNames(std::string& text, const std::regex& pattern)
{
    static const std::regex first("^``([^`]+)``");
    static const std::regex next("^(?:,\\s*(?:and\\s+)?|\\s+and\\s+)``([^`]+)``");
    std::vector<std::string> names;
    std::smatch m;
    for (const std::regex* re = &first; std::regex_search(text, m, *re); re = &next)
    {
        std::string name = m[1];
        if (!std::regex_match(name, pattern))
        {
            break;
        }
        names.push_back(name);
        text = m.suffix();
    }
    return names;
}

/**
 * Parse one section of doc/tun.rst by the rule at the top of this file.
 * \param lines the file's lines
 * \param title the section's title
 * \param withDefaults true for "Attributes": names need a default in parentheses
 * \return what the section documents
 */
DocSection
ParseSection(const std::vector<std::string>& lines, const std::string& title, bool withDefaults)
{
    DocSection section;
    std::size_t begin = lines.size();
    for (std::size_t i = 0; i + 1 < lines.size(); ++i)
    {
        if (lines[i] == title && IsUnderline(lines[i + 1]) &&
            lines[i + 1].size() >= lines[i].size())
        {
            section.titles++;
            begin = i + 2;
        }
    }
    if (section.titles != 1)
    {
        return section;
    }
    std::size_t end = begin;
    while (end < lines.size() &&
           !(end + 1 < lines.size() && !lines[end].empty() && lines[end][0] != ' ' &&
             IsUnderline(lines[end + 1]) && lines[end + 1].size() >= lines[end].size()))
    {
        end++;
    }

    // Join each bullet with its continuation lines: {line number, depth, text}.
    struct Bullet
    {
        int line;
        int depth; // 0: class entry, 1: member entry, -1: prose, -2: class entry text
        std::string text;
    };

    std::vector<Bullet> bullets;
    for (std::size_t i = begin; i < end; ++i)
    {
        const std::string& l = lines[i];
        int number = static_cast<int>(i) + 1;
        if (l.rfind("* ", 0) == 0)
        {
            bullets.push_back({number, 0, l.substr(2)});
        }
        else if (l.rfind("  * ", 0) == 0)
        {
            bullets.push_back({number, 1, l.substr(4)});
        }
        else if (!l.empty() && l[0] != ' ')
        {
            bullets.push_back({number, -1, l});
        }
        else if (!l.empty() && !bullets.empty())
        {
            // Indented text continues the last bullet: 2 spaces a class entry, 4 a member
            // entry (deeper bullets are part of its text). Text at 2 after a member entry
            // is more of the class entry's text, and so is what follows it.
            std::size_t indent = l.find_first_not_of(' ');
            Bullet& last = bullets.back();
            if (last.depth == 1 && indent < 4)
            {
                bullets.push_back({number, -2, ""});
            }
            else if (last.depth == 0 || last.depth == 1)
            {
                last.text += " " + l.substr(indent);
            }
        }
    }

    static const std::regex className("ns3::[A-Za-z_][A-Za-z0-9_]*");
    static const std::regex memberName("[A-Za-z_][A-Za-z0-9_]*");
    std::vector<std::string> classes;
    for (const Bullet& b : bullets)
    {
        std::string where = "doc/tun.rst:" + std::to_string(b.line) + ": ";
        std::string text = b.text;
        if (b.depth == -1)
        {
            classes.clear();
        }
        else if (b.depth == 0)
        {
            classes = LeadingNames(text, className);
            if (classes.empty())
            {
                section.errors.push_back(where + "an item of \"" + title +
                                         "\" must begin with ``ns3::Class``");
            }
        }
        else if (b.depth == 1)
        {
            std::vector<std::string> names = LeadingNames(text, memberName);
            if (classes.empty())
            {
                section.errors.push_back(where + "a nested item of \"" + title +
                                         "\" outside a ``ns3::Class`` item");
                continue;
            }
            if (names.empty())
            {
                section.errors.push_back(where + "a nested item of \"" + title +
                                         "\" must begin with ``Name``");
                continue;
            }
            std::string defaultText;
            if (withDefaults)
            {
                std::size_t open = text.find_first_not_of(' ');
                int depth = 0;
                std::size_t close = std::string::npos;
                for (std::size_t k = open; open != std::string::npos && k < text.size(); ++k)
                {
                    depth += text[k] == '(' ? 1 : text[k] == ')' ? -1 : 0;
                    if (depth == 0)
                    {
                        close = k;
                        break;
                    }
                }
                if (open == std::string::npos || text[open] != '(' || close == std::string::npos)
                {
                    section.errors.push_back(where + "``" + names[0] +
                                             "`` needs its default in parentheses: "
                                             "``Name`` (default): meaning");
                    continue;
                }
                defaultText = text.substr(open + 1, close - open - 1);
            }
            for (const std::string& cls : classes)
            {
                for (const std::string& name : names)
                {
                    section.items.push_back({cls, name, defaultText, b.line});
                }
            }
        }
    }
    return section;
}

/**
 * Check a documented default against the attribute's initial value.
 * \param info the attribute
 * \param text the documented default
 * \return empty when they agree or the type is not checked, else what is wrong
 */
std::string
CheckDefault(const TypeId::AttributeInformation& info, std::string text)
{
    text.erase(std::remove(text.begin(), text.end(), '`'), text.end());
    const AttributeValue* value = PeekPointer(info.initialValue);
    if (const auto* time = dynamic_cast<const TimeValue*>(value))
    {
        static const std::regex number("^([0-9]+(?:\\.[0-9]+)?)(?:\\s*(s|ms|us|ns)(?![A-Za-z]))?");
        std::smatch m;
        if (!std::regex_search(text, m, number) || (!m[2].matched && std::stod(m[1].str()) != 0))
        {
            return "a Time default must begin with a number and a unit (\"3 s\") or be 0";
        }
        static const std::map<std::string, double> scale{{"s", 1e9},
                                                         {"ms", 1e6},
                                                         {"us", 1e3},
                                                         {"ns", 1},
                                                         {"", 1}};
        double ns = std::stod(m[1].str()) * scale.at(m[2].str());
        if (ns != static_cast<double>(time->Get().GetNanoSeconds()))
        {
            return "documented " + m[0].str() + ", but the code's default is " +
                   std::to_string(time->Get().GetSeconds()) + " s";
        }
        return "";
    }
    if (!dynamic_cast<const UintegerValue*>(value) && !dynamic_cast<const IntegerValue*>(value) &&
        !dynamic_cast<const BooleanValue*>(value) && !dynamic_cast<const DoubleValue*>(value) &&
        !dynamic_cast<const EnumValue*>(value) && !dynamic_cast<const StringValue*>(value) &&
        !dynamic_cast<const Ipv4AddressValue*>(value))
    {
        return ""; // pointers, addresses: described in words
    }
    std::string expected = info.initialValue->SerializeToString(info.checker);
    if (expected.empty())
    {
        return ""; // an empty string: described in words ("empty: ...")
    }
    bool agrees = text.rfind(expected, 0) == 0 &&
                  (text.size() == expected.size() ||
                   !(std::isalnum(static_cast<unsigned char>(text[expected.size()])) ||
                     text[expected.size()] == '.' || text[expected.size()] == '_'));
    return agrees ? "" : "documented (" + text + "), but the code's default is " + expected;
}

/**
 * \param pattern a regex with one group
 * \return what its group matched anywhere in the .cc files under model/ and helper/
 */
std::set<std::string>
MatchesInSources(const std::regex& pattern)
{
    std::set<std::string> found;
    for (const char* dir : {"model", "helper"})
    {
        if (!std::filesystem::is_directory(ModuleDir() + "/" + dir))
        {
            continue;
        }
        // model/ and helper/ have subfolders (kernel/, ppp/, topology/, ...)
        for (const auto& entry :
             std::filesystem::recursive_directory_iterator(ModuleDir() + "/" + dir))
        {
            if (entry.path().extension() != ".cc")
            {
                continue;
            }
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            std::string s = text.str();
            for (std::sregex_iterator m(s.begin(), s.end(), pattern), e; m != e; ++m)
            {
                found.insert((*m)[1]);
            }
        }
    }
    return found;
}

/// Every TypeId constructed in model/ and helper/ is registered, in group "Tun".
class TunTypeIdsRegisteredTestCase : public TestCase
{
  public:
    TunTypeIdsRegisteredTestCase()
        : TestCase("every TypeId of the model and helper sources is in group Tun")
    {
    }

  private:
    void DoRun() override
    {
        std::map<std::string, TypeId> tids = TunTypeIds();
        for (const char* dir : {"model", "helper"})
        {
            NS_TEST_ASSERT_MSG_EQ(std::filesystem::is_directory(ModuleDir() + "/" + dir),
                                  true,
                                  ModuleDir() << "/" << dir << " is not a directory");
        }
        static const std::regex constructed("\\bTypeId\\(\"(ns3::[A-Za-z0-9_]+)\"\\)");
        std::set<std::string> inSources = MatchesInSources(constructed);
        NS_TEST_ASSERT_MSG_EQ(inSources.empty(), false, "no TypeId found under model/");
        for (const std::string& name : inSources)
        {
            NS_TEST_EXPECT_MSG_EQ(tids.count(name),
                                  1u,
                                  name << " is not registered with .SetGroupName(\"Tun\")");
        }
    }
};

/**
 * Every NS_LOG component defined in model/ and helper/ is registered and listed in the
 * "Logging" section of doc/tun.rst as ``Name``, and the section lists no other.
 */
class TunLogComponentsDocumentedTestCase : public TestCase
{
  public:
    TunLogComponentsDocumentedTestCase()
        : TestCase("tun.rst lists every NS_LOG component of the module, and no other")
    {
    }

  private:
    void DoRun() override
    {
        static const std::regex defined("NS_LOG_COMPONENT_DEFINE\\(\"([A-Za-z0-9_]+)\"\\)");
        std::set<std::string> inSources = MatchesInSources(defined);
        NS_TEST_ASSERT_MSG_EQ(inSources.empty(), false, "no NS_LOG component in the sources");
        TunNetDevice::GetTypeId(); // loads the module's library
        LogComponent::ComponentList* registered = LogComponent::GetComponentList();
        for (const std::string& name : inSources)
        {
            NS_TEST_EXPECT_MSG_EQ(registered->count(name), 1u, name << " is not registered");
        }

        std::ifstream in(ModuleDir() + "/doc/tun.rst");
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);)
        {
            lines.push_back(line);
        }
        std::set<std::string> listed;
        int titles = 0;
        static const std::regex name("^\\* ``([A-Za-z0-9_]+)``");
        for (std::size_t i = 0; i + 1 < lines.size(); ++i)
        {
            if (lines[i] != "Logging" || !IsUnderline(lines[i + 1]))
            {
                continue;
            }
            titles++;
            for (std::size_t j = i + 2; j < lines.size(); ++j)
            {
                if (j + 1 < lines.size() && !lines[j].empty() && lines[j][0] != ' ' &&
                    IsUnderline(lines[j + 1]))
                {
                    break; // the next section
                }
                std::smatch m;
                if (std::regex_search(lines[j], m, name))
                {
                    listed.insert(m[1]);
                }
            }
        }
        NS_TEST_ASSERT_MSG_EQ(titles, 1, "doc/tun.rst needs one section titled Logging");
        for (const std::string& component : inSources)
        {
            NS_TEST_EXPECT_MSG_EQ(listed.count(component),
                                  1u,
                                  component << " is not listed under Logging in doc/tun.rst");
        }
        for (const std::string& component : listed)
        {
            NS_TEST_EXPECT_MSG_EQ(inSources.count(component),
                                  1u,
                                  component << " is listed under Logging but not defined");
        }
    }
};

/**
 * One section of doc/tun.rst against the TypeIds: nothing missing, nothing stale.
 * \param lines doc/tun.rst
 * \param tids the TypeIds of group Tun
 * \param attributes true: "Attributes"; false: "Trace sources"
 * \return what is wrong, one sentence each
 */
std::vector<std::string>
CheckSection(const std::vector<std::string>& lines,
             std::map<std::string, TypeId>& tids,
             bool attributes)
{
    const std::string title = attributes ? "Attributes" : "Trace sources";
    const std::string what = attributes ? "attribute" : "trace source";
    DocSection doc = ParseSection(lines, title, attributes);
    if (doc.titles != 1)
    {
        return {"doc/tun.rst has " + std::to_string(doc.titles) + " sections titled \"" + title +
                "\", not one"};
    }
    std::vector<std::string> problems = doc.errors;

    // What the code declares: class -> own name -> index.
    std::map<std::string, std::map<std::string, std::size_t>> declared;
    for (const auto& [cls, tid] : tids)
    {
        std::size_t n = attributes ? tid.GetAttributeN() : tid.GetTraceSourceN();
        for (std::size_t i = 0; i < n; ++i)
        {
            declared[cls][attributes ? tid.GetAttribute(i).name : tid.GetTraceSource(i).name] = i;
        }
    }

    // Stale, duplicated and wrong entries.
    std::set<std::pair<std::string, std::string>> documented;
    for (const DocItem& item : doc.items)
    {
        std::string where = "doc/tun.rst:" + std::to_string(item.line) + ": ";
        if (tids.count(item.cls) == 0)
        {
            problems.push_back(where + item.cls + " under \"" + title +
                               "\" is not a TypeId of group Tun");
            continue;
        }
        auto own = declared[item.cls].find(item.name);
        if (own == declared[item.cls].end())
        {
            problems.push_back(where + "stale: " + item.cls + " has no " + what + " " + item.name +
                               " of its own");
            continue;
        }
        if (!documented.insert({item.cls, item.name}).second)
        {
            problems.push_back(where + item.cls + " " + what + " " + item.name +
                               " is documented twice");
        }
        if (attributes)
        {
            std::string wrong =
                CheckDefault(tids[item.cls].GetAttribute(own->second), item.defaultText);
            if (!wrong.empty())
            {
                problems.push_back(where + "the default of " + item.cls + " attribute " +
                                   item.name + ": " + wrong);
            }
        }
    }

    // Missing entries.
    for (const auto& [cls, names] : declared)
    {
        for (const auto& [name, index] : names)
        {
            if (documented.count({cls, name}) == 0)
            {
                problems.push_back("missing: " + cls + " " + what + " " + name +
                                   " is not documented under \"" + title + "\" in doc/tun.rst");
            }
        }
    }
    return problems;
}

/// Both sections of doc/tun.rst against the TypeIds, every problem reported.
class TunDocTestCase : public TestCase
{
  public:
    TunDocTestCase()
        : TestCase("tun.rst documents every attribute and trace source, and no other")
    {
    }

  private:
    void DoRun() override
    {
        std::ifstream in(ModuleDir() + "/doc/tun.rst");
        NS_TEST_ASSERT_MSG_EQ(in.good(), true, "cannot read " << ModuleDir() << "/doc/tun.rst");
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);)
        {
            lines.push_back(line);
        }
        std::map<std::string, TypeId> tids = TunTypeIds();
        NS_TEST_ASSERT_MSG_EQ(tids.empty(), false, "no TypeId of group Tun is registered");

        std::size_t declared = 0;
        for (const auto& [cls, tid] : tids)
        {
            declared += tid.GetAttributeN() + tid.GetTraceSourceN();
        }
        NS_TEST_EXPECT_MSG_GT(declared, 0u, "no attribute or trace source found at all");
        for (bool attributes : {true, false})
        {
            for (const std::string& problem : CheckSection(lines, tids, attributes))
            {
                NS_TEST_EXPECT_MSG_EQ(problem, "", "see test/documentation-test-suite.cc");
            }
        }
    }
};

} // namespace

/// The suite.
class TunDocumentationTestSuite : public TestSuite
{
  public:
    TunDocumentationTestSuite()
        : TestSuite("tun-documentation", UNIT)
    {
        AddTestCase(new TunDocTestCase, TestCase::QUICK);
        AddTestCase(new TunTypeIdsRegisteredTestCase, TestCase::QUICK);
        AddTestCase(new TunLogComponentsDocumentedTestCase, TestCase::QUICK);
    }
};

static TunDocumentationTestSuite g_tunDocumentationTestSuite; //!< registers the suite
