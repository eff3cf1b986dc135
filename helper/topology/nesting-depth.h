/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef TUN_NESTING_DEPTH_H
#define TUN_NESTING_DEPTH_H

#include <cstddef>
#include <string>

/**
 * \file
 * \ingroup tun
 * How deeply a DOT or XML text nests, measured before a recursive parser sees it: Boost's
 * read_graphviz recurses once per subgraph, rapidxml (read_xml, read_graphml) once per
 * element, and a file nested some thousands deep overflows the stack.
 */

namespace ns3
{

/// \ingroup tun
/// The deepest nesting the topology readers accept, of DOT braces or of XML elements:
/// far more than any topology needs, and a stack depth the parsers survive.
constexpr std::size_t TUN_MAX_NESTING = 64;

/**
 * \ingroup tun
 * The deepest nesting of braces ({ }) in a DOT text, outside quoted strings, HTML strings
 * (<...>) and comments.
 * \param text DOT source, possibly malformed
 * \return the most braces open at once
 */
std::size_t DotNestingDepth(const std::string& text);

/**
 * \ingroup tun
 * The deepest nesting of elements in an XML text; comments, CDATA sections, processing
 * instructions and declarations do not count, nor do empty elements (\<a/\>).
 * \param text XML source, possibly malformed
 * \return the most elements open at once
 */
std::size_t XmlNestingDepth(const std::string& text);

} // namespace ns3

#endif /* TUN_NESTING_DEPTH_H */
