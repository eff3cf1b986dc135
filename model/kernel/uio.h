/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef UIO_H
#define UIO_H

#include <cstddef>
#include <cstdint>

/**
 * \file
 * \ingroup tun
 * The user I/O descriptor a read or write carries into a driver (BSD struct uio).
 */

namespace ns3
{

/**
 * \ingroup tun
 * \brief One contiguous user buffer being read into or written from (a one-iovec uio).
 *
 * Drivers move bytes with Move(), as BSD drivers call uiomove(): for a read the
 * kernel bytes go out to the user buffer, for a write the user bytes come in.
 * The uio counts every byte moved, so the process layer can charge the copy cost.
 */
class Uio
{
  public:
    /// Direction of the transfer, as BSD's uio_rw.
    enum Direction
    {
        READ,  //!< kernel to user (UIO_READ)
        WRITE, //!< user to kernel (UIO_WRITE)
    };

    /**
     * \param direction READ or WRITE
     * \param base the user buffer
     * \param length its length in bytes (uio_resid at the start)
     */
    Uio(Direction direction, uint8_t* base, int64_t length);

    /// \return the direction of the transfer
    Direction GetDirection() const;

    /// \return bytes still to move (uio_resid); negative only if the caller asked so
    int64_t GetResid() const;

    /// \return bytes moved so far
    int64_t GetMoved() const;

    /**
     * Move up to \p n bytes between \p kernel and the user buffer (uiomove).
     * \param kernel kernel memory: the source for READ, the destination for WRITE
     * \param n bytes to move; at most the residual count is moved
     * \return 0, or BSD_EFAULT when the uio has no buffer
     */
    int Move(uint8_t* kernel, int64_t n);

  private:
    Direction m_direction; //!< uio_rw
    uint8_t* m_base;       //!< iov_base
    int64_t m_length;      //!< iov_len at the start
    int64_t m_moved;       //!< bytes already moved
};

} // namespace ns3

#endif /* UIO_H */
