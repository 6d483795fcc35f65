import com.adobe.epubcheck.tool.EpubChecker;

/** Run EPUBCheck on several books in one JVM (startup dominates single runs). */
public class BatchCheck {
    public static void main(String[] args) {
        System.setErr(System.out);  // keep findings in order with the book markers
        int worst = 0;
        for (String path : args) {
            System.out.println("@@BOOK " + path);
            int code = new EpubChecker().run(new String[] {path, "-q"});
            worst = Math.max(worst, code);
        }
        System.exit(worst);
    }
}
