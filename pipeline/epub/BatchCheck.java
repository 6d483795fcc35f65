import com.adobe.epubcheck.tool.EpubChecker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run EPUBCheck on several books in one JVM (its start-up and schema loading dominate single runs).
 * Books come as arguments, or, with `--warm <book>`, one per line on stdin after a warm-up check of
 * <book>: the JVM then starts and loads its schemas while the books are still being written.
 *
 * With `--dienst <socket> <book> <idle-ms>` it stays: a service on a Unix domain socket that checks, one
 * request at a time, the books a client sends (one path per line, then an empty line or the end of its
 * writing), answers with the same output, then `@@END <status>`, and ends after <idle-ms> without a request.
 * A lock file beside the socket lets only one service run per socket.
 */
public class BatchCheck {
    private static final Object STATE = new Object();
    private static long lastUsed = System.currentTimeMillis();
    private static boolean busy = false;

    public static void main(String[] args) throws IOException {
        System.setErr(System.out);  // keep findings in order with the book markers
        int worst = 0;
        if (args.length == 4 && args[0].equals("--dienst")) {
            serve(Path.of(args[1]), args[2], Long.parseLong(args[3]));
            return;
        }
        if (args.length == 2 && args[0].equals("--warm")) {
            System.out.println("@@WARM " + args[1]);  // its findings are not reported (no @@BOOK before them)
            new EpubChecker().run(new String[] {args[1], "-q"});
            System.out.println("@@READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    worst = Math.max(worst, check(line.strip()));
                }
            }
        } else {
            for (String path : args) {
                worst = Math.max(worst, check(path));
            }
        }
        System.exit(worst);
    }

    private static int check(String path) {
        System.out.println("@@BOOK " + path);
        return new EpubChecker().run(new String[] {path, "-q"});
    }

    private static void serve(Path socket, String warmBook, long idleMillis) throws IOException {
        FileChannel lockFile = FileChannel.open(socket.resolveSibling(socket.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.tryLock();
        if (lock == null) {
            return;  // another service has this socket (or is starting it)
        }
        Files.deleteIfExists(socket);  // left by a service that was killed
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));  // clients queue from now on, while the schemas load
        PrintStream console = System.out;
        new EpubChecker().run(new String[] {warmBook, "-q"});
        synchronized (STATE) {
            lastUsed = System.currentTimeMillis();
        }
        Thread watch = new Thread(() -> idle(socket, idleMillis));
        watch.setDaemon(true);
        watch.start();
        while (true) {
            try (SocketChannel client = server.accept()) {
                synchronized (STATE) {
                    busy = true;
                }
                answer(client);
            } catch (IOException gone) {
                // the client went away: the next one
            } finally {
                System.setOut(console);
                System.setErr(console);
                synchronized (STATE) {
                    busy = false;
                    lastUsed = System.currentTimeMillis();
                }
            }
        }
    }

    private static void answer(SocketChannel client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                StandardCharsets.UTF_8));
        java.util.List<String> books = new java.util.ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isBlank(); line = in.readLine()) {
            books.add(line.strip());
        }
        PrintStream out = new PrintStream(Channels.newOutputStream(client), false, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(out);
        int worst = 0;
        for (String book : books) {
            worst = Math.max(worst, check(book));
        }
        out.println("@@END " + worst);
        out.flush();
    }

    private static void idle(Path socket, long idleMillis) {
        while (true) {
            try {
                Thread.sleep(Math.min(idleMillis, 1000));
            } catch (InterruptedException stop) {
                return;
            }
            synchronized (STATE) {
                if (!busy && System.currentTimeMillis() - lastUsed > idleMillis) {
                    try {
                        Files.deleteIfExists(socket);
                    } catch (IOException ignored) {
                        // the next service removes it
                    }
                    Runtime.getRuntime().halt(0);
                }
            }
        }
    }
}
