package io.atspec.sim;

import io.atspec.runtime.TcpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Simulated modules over TCP, the way ser2net exposes a modem's serial port ("raw" mode): each
 * accepted connection gets a fresh module, booted with the same {@link SimulatorConfig}, that
 * lives until the connection closes. Connections do not share state, so tests do not either.
 */
public final class SimulatorServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SimulatorServer.class.getName());

    private final ServerSocket listener;
    private final SimulatorConfig config;
    private final List<NeowaySimulator> modules = new CopyOnWriteArrayList<>();

    private SimulatorServer(ServerSocket listener, SimulatorConfig config) {
        this.listener = listener;
        this.config = config;
    }

    /** Listens on 127.0.0.1 at an ephemeral port (see {@link #port()}). */
    public static SimulatorServer start(SimulatorConfig config) {
        return start(config, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    public static SimulatorServer start(SimulatorConfig config, InetSocketAddress address) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.bind(address);
            SimulatorServer server = new SimulatorServer(listener, config);
            Thread t = new Thread(server::acceptLoop, "sim-server-" + listener.getLocalPort());
            t.setDaemon(true);
            t.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** The modules of the connections accepted so far (closed ones included). */
    public List<NeowaySimulator> modules() {
        return List.copyOf(modules);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                NeowaySimulator module = NeowaySimulator.attach(TcpTransport.of(socket), config);
                modules.add(module);
                module.finished().thenRun(() -> closeQuietly(socket));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "accept failed on port " + port() + ": " + e);
                }
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing a listener that failed: nothing left to do.
        }
        modules.forEach(NeowaySimulator::close);
    }
}
