package hudson.remoting;

import java.io.IOException;

public interface VirtualChannel {
    void close() throws IOException;

    void join() throws InterruptedException;

    void join(long timeout) throws InterruptedException;

    void syncLocalIO() throws InterruptedException;
}
