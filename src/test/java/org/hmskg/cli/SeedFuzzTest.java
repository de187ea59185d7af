package org.hmskg.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: whatever bytes arrive as a seed, {@code validate} either conforms (exit 0) with every non-whitespace
 * character of the seed in the graph, or prints one line naming {@code file:line} and exits 3 (bytes that cannot be
 * read safely); never an unhandled exception (exit 1), never a SHACL failure (exit 4: the structure of a document is
 * never an error, so a violation would be the extractor's or the mapper's bug), never a lost character and never a
 * hang. Cases are mutations of the real seed, seeded so that a failure names a case that can be replayed:
 * {@code -Dfuzz.seed=N -Dfuzz.cases=1}.
 */
class SeedFuzzTest {
    static final Path SEED = Path.of("seeds/kenko-iryo-senryaku-2022-an.txt");
    static final Pattern ONE_ERROR = Pattern.compile("error: \\S+\\.(txt|json):\\d+(:\\d+)?: .+");
    static final Duration PER_CASE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void hundredMutatedSeeds() throws IOException {
        fuzz(Long.getLong("fuzz.seed", 20261126L), Integer.getInteger("fuzz.cases", 100), true);
    }

    @Test
    @Tag("slow")
    void thousandMutatedSeedsAndWholeDocuments() throws IOException {
        fuzz(Long.getLong("fuzz.seed", 1L), Integer.getInteger("fuzz.cases", 1000), false);
    }

    void fuzz(long seed, int cases, boolean excerpts) throws IOException {
        long slowest = 0;
        byte[] original = Files.readAllBytes(SEED);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            long caseSeed = seed + i;
            Random random = new Random(caseSeed);
            byte[] base = excerpts || random.nextInt(10) != 0 ? excerpt(original, random) : original;
            Mutated m = mutate(base, random);
            long t0 = System.nanoTime();
            String failure = run(m, caseSeed);
            slowest = Math.max(slowest, (System.nanoTime() - t0) / 1_000_000);
            if (failure != null) {
                failures.add("case -Dfuzz.seed=" + caseSeed + " (" + m.how() + "): " + failure);
            }
        }
        System.out.println("seed fuzz: " + cases + " cases, slowest " + slowest + " ms");
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases + " cases failed:\n" + String.join("\n", failures));
        }
    }

    record Mutated(byte[] bytes, String how) {
    }

    /** The header lines and a run of consecutive lines: the whole document takes seconds to validate. */
    static byte[] excerpt(byte[] original, Random random) {
        List<String> lines = Arrays.asList(new String(original, StandardCharsets.UTF_8).split("\n", -1));
        int from = 6 + random.nextInt(lines.size() - 150);
        List<String> out = new ArrayList<>(lines.subList(0, 6));
        out.addAll(lines.subList(from, from + 20 + random.nextInt(120)));
        return String.join("\n", out).getBytes(StandardCharsets.UTF_8);
    }

    static Mutated mutate(byte[] base, Random random) {
        if (random.nextInt(50) == 0) {
            return huge(base, random);
        }
        byte[] bytes = base;
        List<String> how = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int k = 0; k < n; k++) {
            int kind = random.nextInt(12);
            how.add(Integer.toString(kind));
            bytes = switch (kind) {
                case 0 -> flipBytes(bytes, random);
                case 1 -> lines(bytes, random, 0);
                case 2 -> lines(bytes, random, 1);
                case 3 -> truncate(bytes, random);
                case 4 -> dropChar(bytes, random, "】）)>」");
                case 5 -> dropChar(bytes, random, "【（(<「");
                case 6 -> insert(bytes, random, randomText(random, 1 + random.nextInt(8)));
                case 7 -> insertRaw(bytes, random, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
                case 8 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
                case 9 -> new String(bytes, StandardCharsets.UTF_8).replace("\n", "\r\n")
                        .getBytes(StandardCharsets.UTF_8);
                case 10 -> insert(bytes, random, random.nextBoolean() ? "\u200F" : "\u202E\u2066");
                default -> insert(bytes, random, "・" + "長".repeat(50_000 + random.nextInt(100_000)));
            };
        }
        return new Mutated(bytes, "mutations " + String.join(",", how) + ", " + bytes.length + " bytes");
    }

    /** About 10 MB: the document repeated, or one enormous line. */
    static Mutated huge(byte[] base, Random random) {
        if (random.nextBoolean()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (out.size() < 10_000_000) {
                out.writeBytes(base);
            }
            return new Mutated(out.toByteArray(), "10 MB of repeated document");
        }
        return new Mutated(insert(base, random, "x".repeat(10_000_000)), "a 10 MB line");
    }

    static byte[] flipBytes(byte[] bytes, Random random) {
        byte[] out = bytes.clone();
        for (int k = 0; k < 1 + random.nextInt(4) && out.length > 0; k++) {
            out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    /** Drops (mode 0) or duplicates (mode 1) a few lines. */
    static byte[] lines(byte[] bytes, Random random, int mode) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
        for (int k = 0; k < 1 + random.nextInt(3) && lines.size() > 1; k++) {
            int at = random.nextInt(lines.size());
            if (mode == 0) {
                lines.remove(at);
            } else {
                lines.add(at, lines.get(at));
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] truncate(byte[] bytes, Random random) {
        return Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
    }

    static byte[] dropChar(byte[] bytes, Random random, String which) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (which.indexOf(s.charAt(i)) >= 0) {
                at.add(i);
            }
        }
        if (at.isEmpty()) {
            return bytes;
        }
        int i = at.get(random.nextInt(at.size()));
        return (s.substring(0, i) + s.substring(i + 1)).getBytes(StandardCharsets.UTF_8);
    }

    /** Code points from every plane, including controls, combining marks, private use and noncharacters. */
    static String randomText(Random random, int n) {
        StringBuilder sb = new StringBuilder();
        while (sb.codePointCount(0, sb.length()) < n) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> 0x3000 + random.nextInt(0x7000);
                case 2 -> random.nextInt(0x10000);
                default -> random.nextInt(0x110000);
            };
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    static byte[] insert(byte[] bytes, Random random, String text) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        int at = s.isEmpty() ? 0 : random.nextInt(s.length());
        if (at > 0 && Character.isHighSurrogate(s.charAt(at - 1))) {
            at--;
        }
        return (s.substring(0, at) + text + s.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] insertRaw(byte[] bytes, Random random, byte[] raw) {
        int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        return concat(Arrays.copyOf(bytes, at), raw, Arrays.copyOfRange(bytes, at, bytes.length));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Validates one case; null when it behaved, else what went wrong. */
    String run(Mutated m, long caseSeed) throws IOException {
        Path seeds = Files.createDirectories(dir.resolve("case-" + caseSeed));
        Files.write(seeds.resolve("fuzz.txt"), m.bytes());
        Files.writeString(seeds.resolve("fuzz.meta.json"), """
                {"title": "fuzz", "edition": 2022, "publisher": "健康・医療戦略推進本部", "status": "draft",
                 "form": "mutated seed", "sha256": "%s"}
                """.formatted(DigestUtils.sha256Hex(m.bytes())));
        Path gold = Files.createDirectories(dir.resolve("no-gold"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            code = assertTimeoutPreemptively(PER_CASE, () -> Main.run(new String[] {"validate", "--seeds",
                seeds.toString(), "--gold", gold.toString()}, new PrintWriter(out), new PrintWriter(err)));
        } catch (org.opentest4j.AssertionFailedError e) {
            return "no answer within " + PER_CASE.toSeconds() + " s";
        } finally {
            Files.delete(seeds.resolve("fuzz.txt"));
        }
        List<String> errLines = err.toString().lines().filter(l -> !l.isBlank()).toList();
        return switch (code) {
            case Main.OK -> out.toString().contains("characters in the graph (fuzz.txt): 100.0 %") ? null
                    : "characters lost: " + out.toString().lines().filter(l -> l.contains("characters in the graph")
                            || l.contains("missing:") || l.contains("not placed:")).limit(12).toList();
            case Main.INPUT -> errLines.size() == 1 && ONE_ERROR.matcher(errLines.get(0)).matches() ? null
                    : "exit 3 but not one file:line error: " + errLines;
            default -> "exit " + code + ": " + errLines + out.toString().lines()
                    .filter(l -> l.contains("violation") || l.contains("http") || l.contains("  ")).limit(12).toList();
        };
    }
}
