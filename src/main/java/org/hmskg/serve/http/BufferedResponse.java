package org.hmskg.serve.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Holds a response body in memory until the servlet is done, so that it can be given an ETag, compressed and kept.
 * Past {@code limit} bytes it gives up: what it holds is written out and the rest streams as usual.
 */
public final class BufferedResponse extends HttpServletResponseWrapper {
    private final HttpServletResponse real;
    private final long limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean streaming;
    private boolean errorSent;

    BufferedResponse(HttpServletResponse real, long limit) {
        super(real);
        this.real = real;
        this.limit = limit;
    }

    /** True once the body outgrew the buffer (or an error page was sent): nothing to do at the end. */
    boolean passedThrough() {
        return streaming || errorSent;
    }

    /** The body written, after {@link #passedThrough()} is known to be false. */
    byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return buffer.toByteArray();
    }

    /** Flushes a writer and, when streaming, the real response. */
    void finish() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (streaming) {
            real.flushBuffer();
        }
    }

    private void write(byte[] b, int off, int len) throws IOException {
        if (streaming) {
            real.getOutputStream().write(b, off, len);
            return;
        }
        if (buffer.size() + (long) len > limit) {
            streaming = true;
            ServletOutputStream out = real.getOutputStream();
            buffer.writeTo(out);
            buffer.reset();
            out.write(b, off, len);
            return;
        }
        buffer.write(b, off, len);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                private final byte[] one = new byte[1];

                @Override
                public void write(int b) throws IOException {
                    one[0] = (byte) b;
                    BufferedResponse.this.write(one, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    BufferedResponse.this.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("asynchronous output is not buffered");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void setContentLength(int len) {
        // the length is set when the body is sent
    }

    @Override
    public void setContentLengthLong(long len) {
        // the length is set when the body is sent
    }

    @Override
    public void setHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (streaming) {
            real.flushBuffer();
        }
    }

    @Override
    public boolean isCommitted() {
        return streaming || errorSent || real.isCommitted();
    }

    @Override
    public void resetBuffer() {
        if (!streaming) {
            buffer.reset();
        }
        real.resetBuffer();
    }

    @Override
    public void reset() {
        if (!streaming) {
            buffer.reset();
        }
        real.reset();
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        errorSent = true;
        buffer.reset();
        real.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        errorSent = true;
        buffer.reset();
        real.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        errorSent = true;
        buffer.reset();
        real.sendRedirect(location);
    }
}
