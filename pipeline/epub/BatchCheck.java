import com.adobe.epubcheck.tool.EpubChecker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Run EPUBCheck on several books in one JVM (its start-up and schema loading dominate single runs).
 * Books come as arguments, or, with `--warm <book>`, one per line on stdin after a warm-up check of
 * <book>: the JVM then starts and loads its schemas while the books are still being written.
 */
public class BatchCheck {
    public static void main(String[] args) throws IOException {
        System.setErr(System.out);  // keep findings in order with the book markers
        int worst = 0;
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
}
