package org.hmskg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset version follows every rule, word list, class and shape of the build, from a directory or a jar. */
class BuildFingerprintTest {
    /** The classes and resources of this build (Maven's output folder). */
    private static final Path CLASSES = Path.of(System.getProperty("project.root", "."), "target/classes");
    private static final Path SEEDS = Path.of(System.getProperty("project.root", "."), "seeds");

    @TempDir
    Path dir;
    Path copy;

    @BeforeEach
    void copyTheBuild() throws IOException {
        copy = dir.resolve("classes");
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(CLASSES.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @Test
    void theRunningProgramIsFingerprintedFromItsOwnClassPath() {
        assertEquals(BuildFingerprint.of(CLASSES), BuildFingerprint.current());
        assertEquals(Builder.versionOf(SEEDS), Builder.versionOf(SEEDS, copy), "an identical copy, the same version");
    }

    @Test
    void aChangedWordListIsANewDatasetVersion() throws IOException {
        String before = Builder.versionOf(SEEDS, copy);
        Path words = copy.resolve("reference/name-suffixes.tsv");
        Files.writeString(words, Files.readString(words) + "委員会議\tCOUNCIL\n");
        assertNotEquals(before, Builder.versionOf(SEEDS, copy));
    }

    @Test
    void aChangedRuleClassShapeOrTableIsANewFingerprint() throws IOException {
        for (String file : List.of("org/hmskg/extract/entity/SuffixNames.class", "ontology/shapes.ttl",
                "reference/initiatives.tsv", "derive/related-measure.rq", "org/hmskg/map/DocumentMapper.class")) {
            String before = BuildFingerprint.of(copy);
            Path f = copy.resolve(file);
            byte[] bytes = Files.readAllBytes(f);
            Files.write(f, append(bytes, (byte) '\n'));
            assertNotEquals(before, BuildFingerprint.of(copy), file);
            Files.write(f, bytes);
            assertEquals(before, BuildFingerprint.of(copy), file + " restored");
        }
    }

    @Test
    void whatTheBuildDoesNotReadLeavesItAlone() throws IOException {
        String before = BuildFingerprint.of(copy);
        Path other = Files.createDirectories(copy.resolve("org/hmskg/serve")).resolve("NotTheBuild.class");
        Files.writeString(other, "not part of the build");
        assertEquals(before, BuildFingerprint.of(copy));
    }

    @Test
    void aJarOfTheSameClassesHasTheSameFingerprint() throws IOException {
        Path jar = dir.resolve("hms-kg.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(copy)) {
            for (Path f : files.sorted().toList()) {
                String name = copy.relativize(f).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                out.putNextEntry(new JarEntry(Files.isDirectory(f) ? name + "/" : name));
                if (!Files.isDirectory(f)) {
                    Files.copy(f, (OutputStream) out);
                }
                out.closeEntry();
            }
        }
        assertEquals(BuildFingerprint.of(copy), BuildFingerprint.of(jar));
        Path words = copy.resolve("reference/decision-words.tsv");
        Files.writeString(words, "verb\t承認\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertNotEquals(BuildFingerprint.of(copy), BuildFingerprint.of(jar));
    }

    private static byte[] append(byte[] bytes, byte b) {
        byte[] out = Arrays.copyOf(bytes, bytes.length + 1);
        out[bytes.length] = b;
        return out;
    }
}
