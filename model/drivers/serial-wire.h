/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef SERIAL_WIRE_H
#define SERIAL_WIRE_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

/**
 * \file
 * \ingroup tun
 * The octets of one direction of a serial line, from the transmitter's queue to the
 * far UART, kept as parallel arrays.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief An allocator whose containers leave new elements uninitialised (default
 * initialisation), for arrays that are written right after they grow.
 */
template <typename T>
struct DefaultInitAllocator : std::allocator<T>
{
    /// The same allocator for another type.
    template <typename U>
    struct rebind
    {
        using other = DefaultInitAllocator<U>; //!< it
    };

    using std::allocator<T>::allocator;

    /// Default-initialise \p p (for a scalar: leave it). \param p where
    template <typename U>
    void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>)
    {
        ::new (static_cast<void*>(p)) U;
    }

    /// Construct \p p from \p args. \param p where \param args the arguments
    template <typename U, typename... Args>
    void construct(U* p, Args&&... args)
    {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};

/**
 * \ingroup tun
 * \brief The octets one port has written that have not reached the other end, oldest
 * first, each with the moment its stop bit leaves the transmitter and its fate.
 *
 * Kept as parallel arrays (times, values, corruptions, flags) rather than an array of
 * records, so that the line's common work is a search over sorted times and a copy of
 * values: the octets of an error-free burst need no per-octet look at their fates.
 * Fated() says whether any octet held may have one (lost, corrupted, cut); until then
 * no fates are stored at all, and it is cleared when the wire empties.
 */
class SerialWire
{
  public:
    /// Per-octet flags.
    enum Flag : uint8_t
    {
        LOST = 1, //!< the error model loses it
        CUT = 2,  //!< a carrier cut caught it on the wire: lost
        GONE = 4, //!< it left the transmitter lost; it never arrives
    };

    /// \return octets held
    std::size_t size() const
    {
        return m_done.size() - m_head;
    }

    /// \return whether none is held
    bool empty() const
    {
        return m_head == m_done.size();
    }

    /// \return whether an octet held may be lost, corrupted or cut (fates are stored)
    bool Fated() const
    {
        return m_fated;
    }

    /// \param i an index from the oldest \return when its stop bit leaves, in time steps
    int64_t Done(std::size_t i) const
    {
        return m_done[m_head + i];
    }

    /// \param i an index \return the octet as written
    uint8_t Value(std::size_t i) const
    {
        return m_value[m_head + i];
    }

    /// \param i an index \return the octet as it arrives (corrupted or not)
    uint8_t Arriving(std::size_t i) const
    {
        return m_value[m_head + i] ^ Corruption(i);
    }

    /// \param i an index \return the bit the error model flips on arrival, or 0
    uint8_t Corruption(std::size_t i) const
    {
        return m_fated ? m_corruption[m_head + i] : 0;
    }

    /// \param i an index \param flag a Flag \return whether the octet has it
    bool Has(std::size_t i, Flag flag) const
    {
        return m_fated && (m_flags[m_head + i] & flag) != 0;
    }

    /// \param i an index \return whether it is lost or cut (it never reaches the FIFO)
    bool Lost(std::size_t i) const
    {
        return m_fated && (m_flags[m_head + i] & (LOST | CUT)) != 0;
    }

    /// \param i an index \param flag a Flag to give it
    void Set(std::size_t i, Flag flag)
    {
        Fate();
        m_flags[m_head + i] |= flag;
    }

    /// \param i an index \param bit the bit the error model flips on arrival
    void SetCorruption(std::size_t i, uint8_t bit)
    {
        Fate();
        m_corruption[m_head + i] = bit;
    }

    /// \return the times of the octets held, oldest first
    const int64_t* Times() const
    {
        return m_done.data() + m_head;
    }

    /// \return the values of the octets held, oldest first
    const uint8_t* Values() const
    {
        return m_value.data() + m_head;
    }

    /**
     * Append \p n octets, their fates clear.
     * \param n how many \param values their values
     * \return where their times go, to be filled by the caller
     */
    int64_t* Append(std::size_t n, const uint8_t* values)
    {
        std::size_t at = m_done.size();
        m_done.resize(at + n);
        m_value.insert(m_value.end(), values, values + n);
        if (m_fated)
        {
            m_corruption.resize(at + n);
            m_flags.resize(at + n);
        }
        return m_done.data() + at;
    }

    /// Forget the \p n oldest octets. \param n at most size()
    void DropFront(std::size_t n)
    {
        m_head += n;
        if (m_head == m_done.size())
        {
            Clear();
        }
        else if (m_head > 4096 && 2 * m_head > m_done.size())
        {
            Compact();
        }
    }

    /// Keep only the \p n oldest octets. \param n at most size()
    void Truncate(std::size_t n)
    {
        std::size_t end = m_head + n;
        m_done.resize(end);
        m_value.resize(end);
        if (m_fated)
        {
            m_corruption.resize(end);
            m_flags.resize(end);
        }
        if (n == 0)
        {
            Clear();
        }
    }

    /// Forget every octet.
    void Clear()
    {
        m_done.clear();
        m_value.clear();
        m_corruption.clear();
        m_flags.clear();
        m_head = 0;
        m_fated = false;
    }

  private:
    /// Give the octets fates from now on: until the first, none is stored.
    void Fate()
    {
        if (!m_fated)
        {
            m_fated = true;
            m_corruption.assign(m_done.size(), 0);
            m_flags.assign(m_done.size(), 0);
        }
    }

    /// Move the octets held to the front of the arrays.
    void Compact()
    {
        auto drop = [this](auto& v) {
            v.erase(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(m_head));
        };
        drop(m_done);
        drop(m_value);
        if (m_fated)
        {
            drop(m_corruption);
            drop(m_flags);
        }
        m_head = 0;
    }

    /// when each stop bit leaves, in time steps (filled right after it grows: not zeroed)
    std::vector<int64_t, DefaultInitAllocator<int64_t>> m_done;
    std::vector<uint8_t> m_value;      //!< each octet as written
    std::vector<uint8_t> m_corruption; //!< the bit flipped on arrival, or 0; empty until fated
    std::vector<uint8_t> m_flags;      //!< Flag bits; empty until fated
    std::size_t m_head{0};             //!< the oldest held octet
    bool m_fated{false};               //!< an octet held may have a fate
};

} // namespace ns3

#endif /* SERIAL_WIRE_H */
