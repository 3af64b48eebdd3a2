package io.cordon.connectors.transport;

import io.cordon.connectors.runtime.Framing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Reads a file as one stream, in 64 KiB chunks, then ends. Pacing ({@code --replay realtime}) is
 * not done here but where observations are published (by their event times), so it works alike for
 * every format.
 */
public final class FileSource implements Transport {
    private final Path path;
    private volatile boolean closed;

    public FileSource(Path path) {
        this.path = path;
    }

    @Override
    public Framing framing() {
        return Framing.STREAM;
    }

    @Override
    public void run(Supplier<ChunkHandler> connections) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString(), null, "not a readable file");
        }
        ChunkHandler handler = connections.get();
        try (InputStream in = Files.newInputStream(path)) {
            StreamReader.pump(new ClosableInput(in), handler);
        } finally {
            handler.onEnd();
        }
    }

    @Override
    public String describe() {
        return "file://" + path;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Stops reading when the source is closed. */
    private final class ClosableInput extends InputStream {
        private final InputStream in;

        ClosableInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return closed ? -1 : in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return closed ? -1 : in.read(b, off, len);
        }
    }
}
