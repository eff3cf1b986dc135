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
    # One library here: CMake's two (the module, and its topology part in
    # helper/topology/, which alone needs Boost.Graph and flow-monitor) as one list.
    module.source = [
        'helper/ppp-tun-helper.cc',
        'helper/syscall-trace-helper.cc',
        'helper/tun-helper.cc',
        'model/kernel/bsd-descriptor-table.cc',
        'model/kernel/bsd-errno.cc',
        'model/kernel/bsd-kernel.cc',
        'model/kernel/bsd-process.cc',
        'model/kernel/bsd-signal-state.cc',
        'model/kernel/bsd-signal.cc',
        'model/kernel/bsd-sleep-state.cc',
        'model/kernel/bsd-syscalls.cc',
        'model/kernel/bsd-task.cc',
        'model/kernel/giant-lock.cc',
        'model/kernel/kernel-cost-model.cc',
        'model/kernel/pooled-allocation.cc',
        'model/kernel/process-table.cc',
        'model/kernel/read-buffer-pool.cc',
        'model/kernel/sel-info.cc',
        'model/kernel/sigio-owner.cc',
        'model/kernel/syscall-record.cc',
        'model/kernel/uio.cc',
        'model/kernel/userland-packet-cache.cc',
        'model/devices/bsd-ioctl-argument.cc',
        'model/devices/bsd-ioctl-name.cc',
        'model/devices/cdev.cc',
        'model/devices/dev-ops.cc',
        'model/devices/device-switch.cc',
        'model/net/bsd-if.cc',
        'model/net/bsd-ifioctl.cc',
        'model/net/bsd-in-control.cc',
        'model/net/ip-input-check.cc',
        'model/net/socket-file.cc',
        'model/net/sticky-routes.cc',
        'model/net/tun-address-monitor.cc',
        'model/net/tun-channel.cc',
        'model/net/tun-net-device.cc',
        'model/drivers/cable-driver.cc',
        'model/drivers/serial-line.cc',
        'model/drivers/serial-port-tap.cc',
        'model/drivers/tun-driver.cc',
        'model/ppp/hdlc-framing.cc',
        'model/ppp/ipcp.cc',
        'model/ppp/ipv6cp.cc',
        'model/ppp/lcp.cc',
        'model/ppp/ppp-control-protocol.cc',
        'model/ppp/ppp-fsm.cc',
        'model/ppp/ppp-packet.cc',
        'model/ppp/pppdump-writer.cc',
        'model/daemons/ppp-interface.cc',
        'model/daemons/ppp-physical.cc',
        'model/daemons/tun-cable-relay.cc',
        'model/daemons/tun-tunnel.cc',
        'model/daemons/user-ppp.cc',
        'helper/topology/input-file.cc',
        'helper/topology/message-escape.cc',
        'helper/topology/nesting-depth.cc',
        'helper/topology/topology-builder.cc',
        'helper/topology/topology-comparison.cc',
        'helper/topology/topology-graph.cc',
        'helper/topology/topology-partition.cc',
        'helper/topology/traffic-description.cc',
        'helper/topology/tun-mpi.cc',
        'helper/topology/tun-topology-reader.cc',
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
        'helper/ppp-tun-helper.h',
        'helper/syscall-trace-helper.h',
        'helper/tun-helper.h',
        'model/kernel/bsd-descriptor-table.h',
        'model/kernel/bsd-errno.h',
        'model/kernel/bsd-fcntl.h',
        'model/kernel/bsd-kernel.h',
        'model/kernel/bsd-process.h',
        'model/kernel/bsd-signal-state.h',
        'model/kernel/bsd-signal.h',
        'model/kernel/bsd-sleep-state.h',
        'model/kernel/bsd-syscalls.h',
        'model/kernel/bsd-task.h',
        'model/kernel/front-queue.h',
        'model/kernel/giant-lock.h',
        'model/kernel/kernel-cost-model.h',
        'model/kernel/pooled-allocation.h',
        'model/kernel/pooled-event.h',
        'model/kernel/process-table.h',
        'model/kernel/read-buffer-pool.h',
        'model/kernel/sel-info.h',
        'model/kernel/sigio-owner.h',
        'model/kernel/syscall-record.h',
        'model/kernel/uio.h',
        'model/kernel/userland-packet-cache.h',
        'model/devices/bsd-ioctl-argument.h',
        'model/devices/bsd-ioctl-name.h',
        'model/devices/bsd-ioctl.h',
        'model/devices/cdev.h',
        'model/devices/dev-ops.h',
        'model/devices/device-switch.h',
        'model/net/bsd-if.h',
        'model/net/bsd-ifioctl.h',
        'model/net/bsd-in-control.h',
        'model/net/ip-input-check.h',
        'model/net/socket-file.h',
        'model/net/sticky-routes.h',
        'model/net/tun-address-monitor.h',
        'model/net/tun-channel.h',
        'model/net/tun-net-device.h',
        'model/drivers/bsd-tty.h',
        'model/drivers/cable-driver.h',
        'model/drivers/serial-line.h',
        'model/drivers/serial-port-tap.h',
        'model/drivers/serial-wire.h',
        'model/drivers/tun-driver.h',
        'model/ppp/hdlc-framing.h',
        'model/ppp/ipcp.h',
        'model/ppp/ipv6cp.h',
        'model/ppp/lcp.h',
        'model/ppp/ppp-control-protocol.h',
        'model/ppp/ppp-fsm.h',
        'model/ppp/ppp-packet.h',
        'model/ppp/pppdump-writer.h',
        'model/daemons/ppp-interface.h',
        'model/daemons/ppp-physical.h',
        'model/daemons/tun-cable-relay.h',
        'model/daemons/tun-tunnel.h',
        'model/daemons/user-ppp.h',
        'helper/topology/input-file.h',
        'helper/topology/message-escape.h',
        'helper/topology/nesting-depth.h',
        'helper/topology/topology-builder.h',
        'helper/topology/topology-comparison.h',
        'helper/topology/topology-graph.h',
        'helper/topology/topology-partition.h',
        'helper/topology/traffic-description.h',
        'helper/topology/tun-mpi.h',
        'helper/topology/tun-topology-reader.h',
    ]

    # CMake builds helper/topology/ as a library of its own, with its own module header,
    # ns3/tun-topology-module.h, which tun-compare and the topology suite include. waf
    # builds one library and ns-3 writes ns3/tun-module.h alone (every header in it), so
    # write the other as CMake does: one #include per header of helper/topology/.
    topology_headers = [h for h in headers.source if h.startswith('helper/topology/')]

    def write_topology_module_header(task):
        lines = ['#ifndef NS3_MODULE_TUN_TOPOLOGY', '#define NS3_MODULE_TUN_TOPOLOGY']
        lines += ['#include "%s"' % h.split('/')[-1] for h in topology_headers]
        lines.append('#endif')
        task.outputs[0].write('\n'.join(lines) + '\n')

    topology_module_header = bld(rule=write_topology_module_header, before=['cxx'],
                                 target=bld.bldnode.make_node('ns3/tun-topology-module.h'))
    topology_module_header.env.TUN_TOPOLOGY_HEADERS = topology_headers
    topology_module_header.vars = ['TUN_TOPOLOGY_HEADERS']

    if bld.env.ENABLE_EXAMPLES:
        for name in ['device-switch-demo', 'ppp-and-tunnel', 'rate-limited-relay', 'tun-compare', 'tun-relay-ping']:
            obj = bld.create_ns3_program(name, ['tun'])
            obj.use.append('TUN_COROUTINES')
            obj.source = 'examples/%s.cc' % name
