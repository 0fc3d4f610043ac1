package org.lifeline.transport.tcp.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.InetSocketAddress;
import org.lifeline.api.invitation.NoviceIdentity;

/**
 * A man in the middle: terminates the expert's TLS with its own certificate, opens its own TLS to the novice
 * (trusting anything) and relays the plaintext both ways.
 */
final class TlsRelay implements AutoCloseable {
    private final Channel server;

    TlsRelay(EventLoopGroup group, NoviceIdentity own, int novicePort) throws Exception {
        SslContext asServer = SslContextBuilder.forServer(own.privateKey(), own.certificate())
                .sslProvider(SslProvider.JDK).protocols("TLSv1.3").build();
        SslContext asClient = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).protocols("TLSv1.3")
                .trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null).build();
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel expertSide) {
                        expertSide.pipeline().addLast(asServer.newHandler(expertSide.alloc()));
                        Channel noviceSide = new Bootstrap().group(expertSide.eventLoop()).channel(NioSocketChannel.class)
                                .handler(new ChannelInitializer<SocketChannel>() {
                                    @Override
                                    protected void initChannel(SocketChannel ch) {
                                        ch.pipeline().addLast(asClient.newHandler(ch.alloc()), new Pipe(expertSide));
                                    }
                                }).connect("127.0.0.1", novicePort).addListener(f -> {
                                    if (f.isSuccess()) {
                                        expertSide.config().setAutoRead(true);
                                    } else {
                                        expertSide.close();
                                    }
                                }).channel();
                        expertSide.pipeline().addLast(new Pipe(noviceSide));
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
    }

    private static final class Pipe extends ChannelInboundHandlerAdapter {
        private final Channel to;

        Pipe(Channel to) {
            this.to = to;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            to.writeAndFlush(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            to.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
