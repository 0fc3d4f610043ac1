package org.lifeline.transport.tcp.internal;

import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.lifeline.api.transport.WireChannel;

/** Hand-driven clients for what a well-behaved expert never does. */
final class RawClients {
    static final int READ_TIMEOUT_MILLIS = 10_000;

    private RawClients() {
    }

    /** TLS 1.3 to the novice without checking its certificate. */
    static SSLSocket tls(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, InsecureTrustManagerFactory.INSTANCE.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.startHandshake();
        return socket;
    }

    static void writeFrame(Socket socket, WireChannel channel, int flags, long length, byte[] payload) throws IOException {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeByte(channel.id());
        out.writeByte(flags);
        out.writeInt((int) length);
        out.write(payload);
        out.flush();
    }

    /** Every frame the other side sends until it closes. */
    static List<Frame> readUntilClosed(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        List<Frame> frames = new ArrayList<>();
        while (true) {
            int channel;
            try {
                channel = in.readUnsignedByte();
            } catch (EOFException | javax.net.ssl.SSLException closed) {
                return frames;
            }
            int flags = in.readUnsignedByte();
            int length = in.readInt();
            byte[] payload = new byte[length];
            in.readFully(payload);
            frames.add(new Frame(WireChannel.of(channel), flags, payload));
        }
    }

    /** Reads and drops until the other side closes; true if it did before the read timeout. */
    static boolean closedByPeer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[4096];
            while (in.read(sink) >= 0) {
                // drain: a TLS alert may come before the close
            }
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** A loopback port nobody listens on. */
    static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
