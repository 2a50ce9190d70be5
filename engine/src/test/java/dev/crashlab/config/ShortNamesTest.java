package dev.crashlab.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where short names are looked for: class folders, jars built against crashlab, manifest class paths. */
class ShortNamesTest {

    @TempDir
    Path dir;

    /** Compiles {@code com.acme.AcmeDip}, annotated {@code @StrategyName}, into {@code dir/classes}. */
    private Path compiledUserStrategy() throws IOException {
        Path source = dir.resolve("src/com/acme/AcmeDip.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package com.acme;
                @dev.crashlab.strategy.StrategyName
                public final class AcmeDip implements dev.crashlab.strategy.Strategy {
                    @Override public void onBar(dev.crashlab.strategy.StrategyContext ctx) { }
                }
                """);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertThat(status).isZero();
        return classes;
    }

    private Path jar(String name, Path classes, String pomXml, String classPath) throws IOException {
        Path jar = dir.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            if (classes != null) {
                out.putNextEntry(new JarEntry("com/acme/AcmeDip.class"));
                out.write(Files.readAllBytes(classes.resolve("com/acme/AcmeDip.class")));
            }
            if (pomXml != null) {
                out.putNextEntry(new JarEntry("META-INF/maven/com.acme/acme/pom.xml"));
                out.write(pomXml.getBytes(StandardCharsets.UTF_8));
            }
        }
        return jar;
    }

    private static List<String> namesSeenThrough(Path... entries) throws IOException {
        URL[] urls = new URL[entries.length];
        for (int i = 0; i < entries.length; i++) {
            urls[i] = entries[i].toUri().toURL();
        }
        try (URLClassLoader loader = new URLClassLoader(urls, ShortNamesTest.class.getClassLoader())) {
            ShortNames names = ShortNames.scan(loader);
            return names.names().stream().filter(n -> n.startsWith("Acme"))
                    .map(n -> n + "=" + names.claimants(n).getFirst().getName()).toList();
        }
    }

    @Test
    void findsAnAnnotatedClassInAClassFolder() throws IOException {
        assertThat(namesSeenThrough(compiledUserStrategy())).containsExactly("AcmeDip=com.acme.AcmeDip");
    }

    @Test
    void readsAJarWhoseMavenDescriptorNamesCrashlab() throws IOException {
        Path jar = jar("acme.jar", compiledUserStrategy(),
                "<project><dependencies><dependency><groupId>dev.crashlab</groupId></dependency></dependencies></project>", null);

        assertThat(namesSeenThrough(jar)).containsExactly("AcmeDip=com.acme.AcmeDip");
    }

    @Test
    void leavesUnreadAJarNotBuiltAgainstCrashlab() throws IOException {
        Path jar = jar("other.jar", compiledUserStrategy(), "<project><groupId>org.other</groupId></project>", null);

        assertThat(namesSeenThrough(jar)).isEmpty();
    }

    @Test
    void followsTheClassPathOfAManifestOnlyJarAsSurefireWritesIt() throws IOException {
        Path classes = compiledUserStrategy();
        Path booter = jar("booter.jar", null, null, classes.toUri().toString());

        assertThat(namesSeenThrough(booter)).containsExactly("AcmeDip=com.acme.AcmeDip");
    }
}
