# -*- Mode: python; py-indent-offset: 4; indent-tabs-mode: nil; coding: utf-8; -*-
#
# The tun module for waf-era ns-3 trees (ns-3.35 and older), as contrib/tun.
# CMakeLists.txt is the source of truth; test/wscript-drift-test.py fails when the
# lists here name other files than its lists do.


def configure(conf):
    # The topology reader needs Boost.Graph's compiled part (read_graphviz, read_graphml).
    conf.env.append_value('LIB_BOOST_GRAPH', ['boost_graph'])
    # Simulated processes may be C++ coroutines (model/bsd-task.h): GCC has them in
    # C++17 with -fcoroutines, clang in C++20 (as CMakeLists.txt's tun_enable_coroutines).
    # A uselib variable, named in the 'use' of the module, its tests and its examples
    # (see build()).
    if conf.env.CXX_NAME == 'gcc':
        conf.env.append_value('CXXFLAGS_TUN_COROUTINES', ['-fcoroutines'])
    else:
        conf.env.append_value('CXXFLAGS_TUN_COROUTINES', ['-std=gnu++20'])


def build(bld):
    module = bld.create_ns3_module('tun', ['core', 'network', 'internet', 'internet-apps', 'applications', 'point-to-point', 'flow-monitor'])
    # In 'use', not 'uselib', as ns-3's own modules do (src/core/wscript: core.use.append):
    # waf hands a library's 'use' entries on to what uses it, never its 'uselib', and
    # ns-3 writes them into libns3-tun's pkg-config file. The tests and examples name
    # TUN_COROUTINES too, as core's tests name its. With 'uselib' they were compiled
    # without -fcoroutines (tried in ns-3.35).
    module.use.extend(['BOOST_GRAPH', 'TUN_COROUTINES'])
    module.source = [
        'helper/input-file.cc',
        'helper/message-escape.cc',
        'helper/nesting-depth.cc',
        'helper/ppp-tun-helper.cc',
        'helper/syscall-trace-helper.cc',
        'helper/topology-builder.cc',
        'helper/topology-comparison.cc',
        'helper/topology-graph.cc',
        'helper/topology-partition.cc',
        'helper/tun-topology-reader.cc',
        'helper/traffic-description.cc',
        'helper/tun-helper.cc',
        'helper/tun-mpi.cc',
        'model/bsd-errno.cc',
        'model/bsd-if.cc',
        'model/bsd-ifioctl.cc',
        'model/bsd-in-control.cc',
        'model/bsd-ioctl-argument.cc',
        'model/bsd-ioctl-name.cc',
        'model/bsd-kernel.cc',
        'model/bsd-process.cc',
        'model/bsd-signal.cc',
        'model/bsd-syscalls.cc',
        'model/bsd-task.cc',
        'model/cable-driver.cc',
        'model/cdev.cc',
        'model/dev-ops.cc',
        'model/device-switch.cc',
        'model/giant-lock.cc',
        'model/hdlc-framing.cc',
        'model/ip-input-check.cc',
        'model/kernel-cost-model.cc',
        'model/ppp-fsm.cc',
        'model/ipcp.cc',
        'model/ipv6cp.cc',
        'model/lcp.cc',
        'model/ppp-control-protocol.cc',
        'model/ppp-packet.cc',
        'model/user-ppp.cc',
        'model/pooled-allocation.cc',
        'model/pppdump-writer.cc',
        'model/process-table.cc',
        'model/sel-info.cc',
        'model/serial-line.cc',
        'model/serial-port-tap.cc',
        'model/sigio-owner.cc',
        'model/socket-file.cc',
        'model/sticky-routes.cc',
        'model/syscall-record.cc',
        'model/tun-address-monitor.cc',
        'model/tun-cable-relay.cc',
        'model/tun-channel.cc',
        'model/tun-driver.cc',
        'model/tun-net-device.cc',
        'model/tun-tunnel.cc',
        'model/uio.cc',
        'model/userland-packet-cache.cc',
    ]

    module_test = bld.create_ns3_module_test_library('tun')
    module_test.use.append('TUN_COROUTINES')
    module_test.source = [
        'test/bsd-task-test-suite.cc',
        'test/device-switch-test-suite.cc',
        'test/documentation-test-suite.cc',
        'test/flow-monitor-test-suite.cc',
        'test/global-routing-test-suite.cc',
        'test/interface-ioctl-test-suite.cc',
        'test/ip-input-test-suite.cc',
        'test/ppp-fsm-test-suite.cc',
        'test/ppp-negotiation-test-suite.cc',
        'test/process-test-suite.cc',
        'test/rate-limited-relay-test-suite.cc',
        'test/serial-line-test-suite.cc',
        'test/socket-test-suite.cc',
        'test/syscall-trace-test-suite.cc',
        'test/tun-pair-helper-test-suite.cc',
        'test/topology-test-suite.cc',
        'test/tun-test-suite.cc',
        'test/user-ppp-test-suite.cc',
        'test/tun-tunnel-test-suite.cc',
    ]

    headers = bld(features='ns3header')
    headers.module = 'tun'
    headers.source = [
        'helper/input-file.h',
        'helper/message-escape.h',
        'helper/nesting-depth.h',
        'helper/ppp-tun-helper.h',
        'helper/syscall-trace-helper.h',
        'helper/topology-builder.h',
        'helper/topology-comparison.h',
        'helper/topology-graph.h',
        'helper/topology-partition.h',
        'helper/tun-topology-reader.h',
        'helper/traffic-description.h',
        'helper/tun-helper.h',
        'helper/tun-mpi.h',
        'model/bsd-errno.h',
        'model/bsd-fcntl.h',
        'model/bsd-if.h',
        'model/bsd-ifioctl.h',
        'model/bsd-in-control.h',
        'model/bsd-ioctl.h',
        'model/bsd-ioctl-argument.h',
        'model/bsd-ioctl-name.h',
        'model/bsd-kernel.h',
        'model/bsd-process.h',
        'model/bsd-signal.h',
        'model/bsd-syscalls.h',
        'model/bsd-task.h',
        'model/bsd-tty.h',
        'model/cable-driver.h',
        'model/cdev.h',
        'model/dev-ops.h',
        'model/device-switch.h',
        'model/front-queue.h',
        'model/giant-lock.h',
        'model/hdlc-framing.h',
        'model/ip-input-check.h',
        'model/kernel-cost-model.h',
        'model/ppp-fsm.h',
        'model/ipcp.h',
        'model/ipv6cp.h',
        'model/lcp.h',
        'model/ppp-control-protocol.h',
        'model/ppp-packet.h',
        'model/user-ppp.h',
        'model/pooled-allocation.h',
        'model/pppdump-writer.h',
        'model/process-table.h',
        'model/sel-info.h',
        'model/serial-line.h',
        'model/serial-port-tap.h',
        'model/serial-wire.h',
        'model/sigio-owner.h',
        'model/socket-file.h',
        'model/sticky-routes.h',
        'model/syscall-record.h',
        'model/tun-address-monitor.h',
        'model/tun-cable-relay.h',
        'model/tun-channel.h',
        'model/tun-driver.h',
        'model/tun-net-device.h',
        'model/tun-tunnel.h',
        'model/uio.h',
        'model/userland-packet-cache.h',
    ]

    if bld.env.ENABLE_EXAMPLES:
        for name in ['device-switch-demo', 'ppp-and-tunnel', 'rate-limited-relay', 'tun-compare', 'tun-relay-ping']:
            obj = bld.create_ns3_program(name, ['tun'])
            obj.use.append('TUN_COROUTINES')
            obj.source = 'examples/%s.cc' % name
