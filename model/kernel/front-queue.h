/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef FRONT_QUEUE_H
#define FRONT_QUEUE_H

#include <cstddef>
#include <type_traits>
#include <utility>
#include <vector>

/**
 * \file
 * \ingroup tun
 * A first-in first-out queue kept as one contiguous run.
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief A queue read from a moving head of a vector: its elements stay contiguous, so a
 * run of them is copied or scanned at once, and indexing costs what a vector's does
 * (std::deque's indexing cost more than the rest of a serial line's work on a byte).
 *
 * The storage is emptied, not shifted, whenever the last element is taken, which on a
 * line is every frame or so; a head that has run far ahead is shifted back. Unlike
 * std::deque, an empty queue holds no memory (a deque allocates a 512-byte block when it
 * is made, and every daemon, lock and socket has queues).
 * \tparam T the element
 */
template <typename T>
class FrontQueue
{
  public:
    /// \return elements held
    std::size_t size() const
    {
        return m_items.size() - m_head;
    }

    /// \return whether none is held
    bool empty() const
    {
        return m_head == m_items.size();
    }

    /// \param i index from the oldest \return that element
    T& operator[](std::size_t i)
    {
        return m_items[m_head + i];
    }

    /// \param i index from the oldest \return that element
    const T& operator[](std::size_t i) const
    {
        return m_items[m_head + i];
    }

    /// \return the oldest element
    T& front()
    {
        return m_items[m_head];
    }

    /// \return the oldest element
    const T& front() const
    {
        return m_items[m_head];
    }

    /// \return the newest element
    const T& back() const
    {
        return m_items.back();
    }

    /// \return the oldest element's position; size() elements follow
    T* begin()
    {
        return m_items.data() + m_head;
    }

    /// \return past the newest
    T* end()
    {
        return m_items.data() + m_items.size();
    }

    /// \return the oldest element's position
    const T* begin() const
    {
        return m_items.data() + m_head;
    }

    /// \return past the newest
    const T* end() const
    {
        return m_items.data() + m_items.size();
    }

    /**
     * Append \p n value-initialised elements for the caller to fill.
     * \param n how many \return the first of them
     */
    T* grow(std::size_t n)
    {
        std::size_t at = m_items.size();
        m_items.resize(at + n);
        return m_items.data() + at;
    }

    /// \param item an element to append
    void push_back(T item)
    {
        m_items.push_back(std::move(item));
    }

    /// \param items where they are \param n how many to append, in order
    void append(const T* items, std::size_t n)
    {
        m_items.insert(m_items.end(), items, items + n);
    }

    /// Drop the oldest element.
    void pop_front()
    {
        drop_front(1);
    }

    /// \param n how many of the oldest elements to drop
    void drop_front(std::size_t n)
    {
        if constexpr (!std::is_trivially_destructible_v<T>)
        {
            // What a dropped element holds (bytes, references) goes now, not later.
            for (std::size_t i = m_head; i < m_head + n; ++i)
            {
                m_items[i] = T();
            }
        }
        m_head += n;
        if (m_head == m_items.size())
        {
            m_items.clear();
            m_head = 0;
        }
        else if (m_head > 4096 && 2 * m_head > m_items.size())
        {
            m_items.erase(m_items.begin(), m_items.begin() + static_cast<std::ptrdiff_t>(m_head));
            m_head = 0;
        }
    }

    /// Drop every element; the storage is kept.
    void clear()
    {
        m_items.clear();
        m_head = 0;
    }

    /// \param n how many elements to keep, the oldest
    void truncate(std::size_t n)
    {
        m_items.resize(m_head + n);
    }

  private:
    std::vector<T> m_items; //!< storage; [m_head, end) are held
    std::size_t m_head{0};  //!< the oldest held element
};

} // namespace ns3

#endif /* FRONT_QUEUE_H */
