package org.backofficehub.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.backofficehub.model.ProblemType;

/**
 * The deadlines of one HTTP/1.1 connection, as two Netty handlers around Vert.x's decoder: the
 * first sees bytes arrive, the second whole request heads, ends of bodies and ends of answers.
 * Waiting for a request, the connection may idle for the idle timeout; once a request's first
 * byte is in, its head must be complete within the header timeout, and then its body within the
 * body timeout; a request the hub is working on has no deadline (a booking may wait for the ERP).
 * A byte now and then resets no deadline, so a trickling client cannot hold a connection (and a
 * file descriptor) for ever. A head or body cut off is answered 408 with a problem body; an idle
 * connection is closed without a word (RFC 9112 9.5). Everything runs on the connection's event
 * loop, so the state needs no locks.
 */
final class RequestDeadlines {

    private enum Deadline { NONE, IDLE, HEAD, BODY }

    private final Channel channel;
    private final HttpLimits limits;
    private final SecurityHeaders headers;
    private ChannelHandlerContext beforeDecoder;
    private ScheduledFuture<?> timer;
    private Deadline armed = Deadline.NONE;
    private boolean headStarted;
    private boolean readingBody;
    private boolean answerStarted;
    private boolean answeredWhileReading;
    private int unanswered;
    private String path;

    RequestDeadlines(Channel channel, HttpLimits limits, SecurityHeaders headers) {
        this.channel = channel;
        this.limits = limits;
        this.headers = headers;
    }

    /** Goes before the decoder: the first byte of a request starts its head's deadline. */
    ChannelHandler arrivals() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                beforeDecoder = ctx;
                rearm();
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof ByteBuf bytes && bytes.isReadable() && !readingBody && !headStarted) {
                    headStarted = true;
                    rearm();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                cancel();
                ctx.fireChannelInactive();
            }
        };
    }

    /** Goes after the decoder, before Vert.x's connection: request heads and body ends in, answers out. */
    ChannelHandler progress() {
        return new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest request) {
                    headStarted = false;
                    unanswered++;
                    readingBody = true;
                    answerStarted = false;
                    answeredWhileReading = false;
                    path = pathOf(request.uri());
                }
                if (msg instanceof LastHttpContent) {
                    readingBody = false;
                }
                if (msg instanceof HttpRequest || msg instanceof LastHttpContent) {
                    rearm();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                // 1xx (100 Continue) is not the answer; the real one follows it.
                boolean interim = msg instanceof HttpResponse response && response.status().code() < 200;
                if (msg instanceof HttpResponse && !interim) {
                    answerStarted = true;
                }
                if (msg instanceof LastHttpContent && !interim) {
                    unanswered = Math.max(0, unanswered - 1);
                    answerStarted = false;
                    answeredWhileReading = readingBody;
                    rearm();
                }
                ctx.write(msg, promise);
            }
        };
    }

    private void rearm() {
        Deadline next = readingBody ? Deadline.BODY
                : unanswered > 0 ? Deadline.NONE
                : headStarted ? Deadline.HEAD
                : Deadline.IDLE;
        if (next == armed && timer != null) {
            return;
        }
        cancel();
        armed = next;
        Duration after = switch (next) {
            case IDLE -> limits.idleTimeout();
            case HEAD -> limits.headerTimeout();
            case BODY -> limits.bodyTimeout();
            case NONE -> null;
        };
        if (after != null) {
            timer = channel.eventLoop().schedule(() -> expire(next), after.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void expire(Deadline deadline) {
        if (deadline != armed || !channel.isActive()) {
            return;
        }
        timer = null;
        switch (deadline) {
            case HEAD -> answerAndClose("The request's head (request line and headers) did not arrive within "
                    + limits.headerTimeout().toMillis() + " ms (hub.http.header-timeout-ms)", null);
            case BODY -> {
                if (answerStarted || answeredWhileReading) {
                    channel.close();
                } else {
                    answerAndClose("The request's body did not arrive within " + limits.bodyTimeout().toMillis()
                            + " ms of its head (hub.http.body-timeout-ms)", path);
                }
            }
            default -> channel.close();
        }
    }

    /** Written below the HTTP encoder (Vert.x has no request object to answer through yet), then closed. */
    private void answerAndClose(String detail, String instance) {
        ByteBuf answer = Unpooled.wrappedBuffer(ServerProblems.closingResponse(ProblemType.REQUEST_TIMEOUT, detail, instance, headers.asHeadLines()));
        beforeDecoder.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        armed = Deadline.NONE;
    }

    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
