/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef DEV_OPS_H
#define DEV_OPS_H

#include "ns3/callback.h"
#include "ns3/object.h"
#include "ns3/pooled-allocation.h"
#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"
#include "ns3/uio.h"

#include <array>
#include <functional>
#include <ostream>
#include <string>

/**
 * \file
 * \ingroup tun
 * The device operations table (DragonFly struct dev_ops), its argument structures,
 * compile_dev_ops() and the default no*()/null*() operations of kern_device.c.
 */

namespace ns3
{

class Cdev;
class BsdProcess;

/**
 * \ingroup tun
 * \brief The slots of a dev_ops table, in the seed's order (sys/device.h, d_default to
 * d_revoke), with d_poll appended.
 *
 * FreeBSD 2001's cdevsw has d_poll and the tun driver implements it; DragonFly later
 * replaced it with kqueue, so the seed's table has no poll slot. The module keeps both.
 */
enum class DevOp : uint8_t
{
    DEFAULT = 0,
    OPEN,
    CLOSE,
    READ,
    WRITE,
    IOCTL,
    MMAP,
    MMAP_SINGLE,
    STRATEGY,
    DUMP,
    PSIZE,
    KQFILTER,
    CLONE,
    REVOKE,
    POLL,
    COUNT //!< number of slots, not an operation
};

/// Number of slots in a DevOps table.
constexpr std::size_t DEV_OP_COUNT = static_cast<std::size_t>(DevOp::COUNT);

/**
 * \param op a slot
 * \return the seed's name of the operation ("open", "mmap_single", ...)
 */
const char* DevOpName(DevOp op);

/**
 * \param os output stream
 * \param op a slot
 * \return \p os, with the slot's name written to it
 */
std::ostream& operator<<(std::ostream& os, DevOp op);

/// d_flags bits used by the dispatch layer (DragonFly sys/device.h).
enum DevOpsFlags : uint32_t
{
    D_TRACKCLOSE = 0x00080000, //!< call d_close on every close, not only the last
    D_MPSAFE = 0x00400000,     //!< every dev_d*() call runs without the MP (Giant) lock
};

/// Credentials of the caller (struct ucred, reduced to what drivers look at).
struct Ucred
{
    uint32_t uid{0}; //!< effective user id
    uint32_t gid{0}; //!< effective group id
};

/**
 * \ingroup tun
 * \brief A block I/O request (struct bio with its buf), for d_strategy.
 */
struct Bio : public SimpleRefCount<Bio>
{
    /// b_cmd
    enum Command
    {
        CMD_READ,
        CMD_WRITE,
    };

    static constexpr uint32_t B_ERROR = 0x00000800; //!< b_flags: I/O error occurred

    Command cmd{CMD_READ};           //!< read or write
    uint32_t flags{0};               //!< b_flags
    int32_t error{0};                //!< b_error
    bool done{false};                //!< BIO_DONE
    Callback<void, Ptr<Bio>> onDone; //!< bio_done: called by Biodone()
};

/**
 * Complete a bio (biodone): mark it done and call its completion.
 * \param bio the request
 */
void Biodone(Ptr<Bio> bio);

/**
 * \ingroup tun
 * \brief The head of every argument structure (struct dev_generic_args).
 *
 * Arguments live on the heap because an operation may complete later in simulated
 * time (the Giant lock is busy, or the driver sleeps); their storage is recycled.
 */
struct DevGenericArgs : public SimpleRefCount<DevGenericArgs>, public PooledAllocation
{
    /// \param desc the operation these arguments are for (a_desc)
    explicit DevGenericArgs(DevOp desc);
    virtual ~DevGenericArgs(); // out of line: Cdev and Process are incomplete here

    /// \return the arguments as the dispatch trace prints them, e.g. "oflags=0x3"
    virtual std::string Describe() const;

    DevOp desc;             //!< a_desc: which slot the operation calls
    Ptr<Cdev> dev;          //!< a_dev
    Ptr<BsdProcess> caller; //!< the process on whose behalf the call runs (curproc), may be null
};

/// d_open(dev, oflags, devtype, cred)
struct DevOpenArgs : public DevGenericArgs
{
    DevOpenArgs();
    std::string Describe() const override;
    int32_t oflags{0};  //!< a_oflags: FREAD|FWRITE|FNONBLOCK...
    int32_t devtype{0}; //!< a_devtype: S_IFCHR
    Ucred cred;         //!< a_cred
};

/// d_close(dev, fflag, devtype)
struct DevCloseArgs : public DevGenericArgs
{
    DevCloseArgs();
    std::string Describe() const override;
    int32_t fflag{0};   //!< a_fflag
    int32_t devtype{0}; //!< a_devtype
};

/// d_read(dev, uio, ioflag)
struct DevReadArgs : public DevGenericArgs
{
    DevReadArgs();
    std::string Describe() const override;
    Uio* uio{nullptr}; //!< a_uio, owned by the caller
    int32_t ioflag{0}; //!< a_ioflag: IO_NDELAY for non-blocking descriptors
};

/// d_write(dev, uio, ioflag)
struct DevWriteArgs : public DevGenericArgs
{
    DevWriteArgs();
    std::string Describe() const override;
    Uio* uio{nullptr}; //!< a_uio, owned by the caller
    int32_t ioflag{0}; //!< a_ioflag
};

/// d_ioctl(dev, cmd, data, fflag, cred)
struct DevIoctlArgs : public DevGenericArgs
{
    DevIoctlArgs();
    std::string Describe() const override;
    uint32_t cmd{0};        //!< a_cmd, an _IOC encoding
    uint8_t* data{nullptr}; //!< a_data: IOCPARM_LEN(cmd) bytes of kernel memory
    int32_t fflag{0};       //!< a_fflag: the descriptor's flags
    Ucred cred;             //!< a_cred
};

/// d_mmap(dev, offset, nprot)
struct DevMmapArgs : public DevGenericArgs
{
    DevMmapArgs();
    std::string Describe() const override;
    uint64_t offset{0}; //!< a_offset
    int32_t nprot{0};   //!< a_nprot
    int32_t result{0};  //!< a_result: page number
};

/// d_mmap_single(dev, &offset, size, &object, nprot)
struct DevMmapSingleArgs : public DevGenericArgs
{
    DevMmapSingleArgs();
    std::string Describe() const override;
    uint64_t offset{0}; //!< *a_offset
    uint64_t size{0};   //!< a_size
    Ptr<Object> object; //!< *a_object
    int32_t nprot{0};   //!< a_nprot
};

/// d_strategy(dev, bio)
struct DevStrategyArgs : public DevGenericArgs
{
    DevStrategyArgs();
    std::string Describe() const override;
    Ptr<Bio> bio; //!< a_bio
};

/// d_dump(dev, virtual, physical, offset, length)
struct DevDumpArgs : public DevGenericArgs
{
    DevDumpArgs();
    std::string Describe() const override;
    uint64_t count{0};    //!< a_count, set by the disk layer
    uint64_t blkno{0};    //!< a_blkno
    uint32_t secsize{0};  //!< a_secsize
    uint64_t physical{0}; //!< a_physical
    int64_t offset{0};    //!< a_offset
    uint64_t length{0};   //!< a_length
};

/// d_psize(dev)
struct DevPsizeArgs : public DevGenericArgs
{
    DevPsizeArgs();
    std::string Describe() const override;
    int64_t result{0}; //!< a_result: size in blocks
};

/// d_kqfilter(dev, kn)
struct DevKqfilterArgs : public DevGenericArgs
{
    DevKqfilterArgs();
    std::string Describe() const override;
    int16_t filter{0}; //!< kn->kn_filter (EVFILT_READ = -1, EVFILT_WRITE = -2)
    int32_t result{0}; //!< a_result, preset to 0 by dev_dkqfilter
};

/// d_clone(dev): asks the driver to make the device named \c name
struct DevCloneArgs : public DevGenericArgs
{
    DevCloneArgs();
    ~DevCloneArgs() override;
    std::string Describe() const override;
    std::string name; //!< a_name: the name being looked up
    Ucred cred;       //!< a_cred
    int32_t mode{0};  //!< a_mode
    Ptr<Cdev> result; //!< a_dev: the device the driver made, if any
};

/// d_revoke(dev)
struct DevRevokeArgs : public DevGenericArgs
{
    DevRevokeArgs();
};

/// d_poll(dev, events): FreeBSD 2001's cdevsw slot, returning revents in \c events
struct DevPollArgs : public DevGenericArgs
{
    DevPollArgs();
    std::string Describe() const override;
    int32_t events{0}; //!< in: events asked for; out: events ready
};

/// A device operation: takes the arguments of its slot, returns a BsdErrno.
using DevOpFunction = std::function<int(DevGenericArgs&)>;

/**
 * Wrap a function written for one slot's argument type as a DevOpFunction.
 * \tparam Args the slot's argument structure (DevReadArgs, ...)
 * \param f the driver function
 * \return the slot entry
 */
template <class Args>
DevOpFunction
MakeDevOp(std::function<int(Args&)> f)
{
    return [f](DevGenericArgs& ap) { return f(static_cast<Args&>(ap)); };
}

/**
 * \ingroup tun
 * \brief A device operations table (DragonFly struct dev_ops).
 *
 * A driver fills the slots it implements and leaves the rest empty; CompileDevOps()
 * fills those from d_default or from the default table, as the seed's
 * compile_dev_ops() does. Many character devices share one table.
 */
class DevOps : public SimpleRefCount<DevOps>
{
  public:
    /// The table's head (dev_ops.head).
    struct Head
    {
        std::string name;  //!< base name, e.g. "tun"
        int32_t maj{-1};   //!< major number; negative asks for a dynamic one
        uint32_t flags{0}; //!< D_* flags
        Ptr<Object> data;  //!< custom driver data
        int32_t refs{0};   //!< registrations referring to the table
        int32_t id{0};     //!< identifier
    };

    /// \param name the base name of the devices the table serves
    explicit DevOps(std::string name = "");

    /**
     * \param op the slot
     * \return the function in it (empty until set or compiled)
     */
    DevOpFunction& operator[](DevOp op);

    /// \copydoc operator[]
    const DevOpFunction& operator[](DevOp op) const;

    Head head; //!< dev_ops.head

  private:
    std::array<DevOpFunction, DEV_OP_COUNT> m_slots; //!< d_default ... d_revoke, d_poll
};

/**
 * Fill every empty slot of \p ops from its d_default, or else from the default table
 * (compile_dev_ops). d_default itself stays as it is.
 * \param ops the table
 */
void CompileDevOps(DevOps& ops);

/// \return the default table (default_dev_ops): every slot a no*() function
const DevOps& DefaultDevOps();

/**
 * \name The default operations of kern_device.c
 * Each takes the operation's arguments, as a dev_ops slot does, and returns its error.
 * @{
 */
/// noopen \param ap the arguments \return ENODEV
int NoOpen(DevOpenArgs& ap);
/// noclose \param ap the arguments \return ENODEV
int NoClose(DevCloseArgs& ap);
/// noread \param ap the arguments \return ENODEV
int NoRead(DevReadArgs& ap);
/// nowrite \param ap the arguments \return ENODEV
int NoWrite(DevWriteArgs& ap);
/// noioctl \param ap the arguments \return ENODEV
int NoIoctl(DevIoctlArgs& ap);
/// nokqfilter \param ap the arguments \return ENODEV
int NoKqfilter(DevKqfilterArgs& ap);
/// nommap \param ap the arguments \return ENODEV
int NoMmap(DevMmapArgs& ap);
/// nommap_single \param ap the arguments \return ENODEV
int NoMmapSingle(DevMmapSingleArgs& ap);
/// nostrategy: completes the bio with B_ERROR and EOPNOTSUPP \param ap the arguments
/// \return 0
int NoStrategy(DevStrategyArgs& ap);
/// nopsize: reports size 0 \param ap the arguments \return 0
int NoPsize(DevPsizeArgs& ap);
/// nodump \param ap the arguments \return ENODEV
int NoDump(DevDumpArgs& ap);
/// norevoke: does nothing \param ap the arguments \return 0
int NoRevoke(DevRevokeArgs& ap);
/// noclone: does nothing, and so allows the clone \param ap the arguments \return 0
int NoClone(DevCloneArgs& ap);
/// The appended poll slot's default \param ap the arguments \return ENODEV, so the
/// dispatch falls back to seltrue
int NoPoll(DevPollArgs& ap);
/// nullopen \param ap the arguments \return 0
int NullOpen(DevOpenArgs& ap);
/// nullclose \param ap the arguments \return 0
int NullClose(DevCloseArgs& ap);
/** @} */

} // namespace ns3

#endif /* DEV_OPS_H */
