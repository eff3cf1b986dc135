/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "nesting-depth.h"

#include <algorithm>

namespace ns3
{

namespace
{

/**
 * \param text a text \param at where to look \param what the characters to skip over
 * \return the index just past the next \p what from \p at, or the text's end
 */
std::size_t
PastNext(const std::string& text, std::size_t at, const char* what)
{
    std::size_t found = text.find(what, at);
    return found == std::string::npos ? text.size() : found + std::char_traits<char>::length(what);
}

} // namespace

std::size_t
DotNestingDepth(const std::string& text)
{
    std::size_t depth = 0;
    std::size_t deepest = 0;
    bool lineStart = true;
    std::size_t i = 0;
    while (i < text.size())
    {
        char c = text[i];
        bool wasLineStart = lineStart;
        lineStart = c == '\n' || (lineStart && (c == ' ' || c == '\t' || c == '\r'));
        if (c == '"')
        {
            // A quoted string: a backslash escapes the next character.
            for (++i; i < text.size() && text[i] != '"'; ++i)
            {
                i += text[i] == '\\';
            }
            ++i;
        }
        else if (c == '<')
        {
            // An HTML string: balanced angle brackets.
            std::size_t open = 0;
            for (; i < text.size(); ++i)
            {
                open += text[i] == '<';
                open -= text[i] == '>';
                if (open == 0)
                {
                    break;
                }
            }
            ++i;
        }
        else if (text.compare(i, 2, "/*") == 0)
        {
            i = PastNext(text, i + 2, "*/");
        }
        else if (text.compare(i, 2, "//") == 0 || (c == '#' && wasLineStart))
        {
            i = PastNext(text, i, "\n");
            lineStart = true;
        }
        else
        {
            if (c == '{')
            {
                deepest = std::max(deepest, ++depth);
            }
            else if (c == '}' && depth > 0)
            {
                --depth;
            }
            ++i;
        }
    }
    return deepest;
}

std::size_t
XmlNestingDepth(const std::string& text)
{
    std::size_t depth = 0;
    std::size_t deepest = 0;
    std::size_t i = text.find('<');
    while (i < text.size())
    {
        if (text.compare(i, 4, "<!--") == 0)
        {
            i = PastNext(text, i + 4, "-->");
        }
        else if (text.compare(i, 9, "<![CDATA[") == 0)
        {
            i = PastNext(text, i + 9, "]]>");
        }
        else if (text.compare(i, 2, "<?") == 0)
        {
            i = PastNext(text, i + 2, "?>");
        }
        else if (text.compare(i, 2, "<!") == 0)
        {
            i = PastNext(text, i + 2, ">");
        }
        else if (text.compare(i, 2, "</") == 0)
        {
            depth -= depth > 0;
            i = PastNext(text, i + 2, ">");
        }
        else
        {
            // A start tag: to its '>', over quoted attribute values; "/>" closes it.
            char quote = 0;
            std::size_t j = i + 1;
            for (; j < text.size(); ++j)
            {
                char c = text[j];
                if (quote)
                {
                    quote = c == quote ? 0 : quote;
                }
                else if (c == '"' || c == '\'')
                {
                    quote = c;
                }
                else if (c == '>')
                {
                    break;
                }
            }
            if (j >= text.size() || text[j - 1] != '/')
            {
                deepest = std::max(deepest, ++depth);
            }
            i = j + 1;
        }
        i = text.find('<', std::min(i, text.size()));
    }
    return deepest;
}

} // namespace ns3
