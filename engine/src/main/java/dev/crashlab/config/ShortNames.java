package dev.crashlab.config;

import dev.crashlab.strategy.StrategyName;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The short names of the classes annotated with {@link StrategyName} that a class loader can
 * load, found by reading class files: no annotation processor (JDK 23 and later no longer run the
 * processors they find on the classpath unless told to) and no services file to keep up to date.
 *
 * <h2>What is read</h2>
 * The classpath of the loader and of its parents up to the loader of crashlab's own classes
 * (a class that carries {@code @StrategyName} must see that annotation, so no loader above it can
 * hold one): the URLs of a {@link URLClassLoader} (Maven's plugin realms, the project loader the
 * plugin builds), {@code java.class.path} for the application class loader, and the jars named in
 * a jar's {@code Class-Path} manifest attribute (Surefire's manifest-only jar). Of these:
 * <ul>
 *   <li>every class folder, whole (a project's own {@code target/classes}, an IDE's output);</li>
 *   <li>the jars built against crashlab: those holding {@code dev/crashlab/} classes (crashlab's
 *       own) or whose Maven descriptor ({@code META-INF/maven/.../pom.xml}) names
 *       {@code dev.crashlab} (a library of strategies built with Maven). Other jars (ta4j, Jackson,
 *       Tablesaw, Guava...) are only listed, never read, which keeps the scan to tens of
 *       milliseconds.</li>
 * </ul>
 * A class file is loaded (without being initialised) only when its bytes name the annotation.
 * A strategy in a jar without a Maven descriptor, or on the module path, is still found by its
 * fully qualified name.
 */
final class ShortNames {

    private static final byte[] ANNOTATION = ("L" + StrategyName.class.getName().replace('.', '/') + ";")
            .getBytes(StandardCharsets.ISO_8859_1);
    private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final ClassLoader loader;
    private final Map<String, List<Class<?>>> claims = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private ShortNames(ClassLoader loader) {
        this.loader = loader;
    }

    /** Returns the short names of the {@code @StrategyName} classes that {@code loader} can load. */
    static ShortNames scan(ClassLoader loader) {
        ShortNames names = new ShortNames(loader);
        // Grows while it is read: a jar's Class-Path manifest attribute adds entries.
        List<Path> roots = new ArrayList<>(roots(loader));
        for (int i = 0; i < roots.size(); i++) {
            Path root = roots.get(i);
            try {
                if (Files.isDirectory(root)) {
                    names.scanFolder(root);
                } else if (Files.isRegularFile(root)) {
                    names.scanJar(root, roots);
                }
            } catch (IOException | UncheckedIOException e) {
                names.problems.add("cannot read " + root + ": " + e.getMessage());
            }
        }
        return names;
    }

    /** Returns the classes that claim {@code name}, in classpath order; empty when none does. */
    List<Class<?>> claimants(String name) {
        return claims.getOrDefault(name, List.of());
    }

    /** Returns every short name claimed, in classpath order. */
    Set<String> names() {
        return claims.keySet();
    }

    /** Returns what could not be read or was refused (a class that failed to load, a short name with a dot). */
    List<String> problems() {
        return problems;
    }

    private void scanFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class")).sorted()::iterator) {
                String name = folder.relativize(file).toString().replace(File.separatorChar, '/');
                consider(name, Files.readAllBytes(file));
            }
        }
    }

    private void scanJar(Path jar, List<Path> roots) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath != null) {
                for (String entry : classPath.trim().split("\\s+")) {
                    Path next = manifestEntry(jar, entry);
                    if (next != null && !roots.contains(next)) {
                        roots.add(next);
                    }
                }
            }
            if (!builtAgainstCrashlab(file)) {
                return;
            }
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        consider(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }

    private static boolean builtAgainstCrashlab(JarFile jar) throws IOException {
        List<JarEntry> descriptors = new ArrayList<>();
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            if (entry.getName().startsWith("dev/crashlab/")) {
                return true;
            }
            if (entry.getName().startsWith("META-INF/maven/") && entry.getName().endsWith("/pom.xml")) {
                descriptors.add(entry);
            }
        }
        for (JarEntry descriptor : descriptors) {
            try (InputStream in = jar.getInputStream(descriptor)) {
                if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("dev.crashlab")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void consider(String path, byte[] bytes) {
        if (!contains(bytes, ANNOTATION) || path.endsWith("module-info.class") || path.endsWith("package-info.class")) {
            return;
        }
        String className = path.substring(0, path.length() - ".class".length()).replace('/', '.');
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            problems.add(className + " could not be loaded: " + e);
            return;
        }
        StrategyName annotation = type.getAnnotation(StrategyName.class);
        if (annotation == null) {
            return; // it only uses the annotation, as the factory does
        }
        String name = annotation.value().isEmpty() ? type.getSimpleName() : annotation.value();
        if (!VALID.matcher(name).matches()) {
            problems.add(type.getName() + " claims the short name \"" + name
                    + "\": a short name is letters, digits, _ and -, starting with a letter");
            return;
        }
        List<Class<?>> claimants = claims.computeIfAbsent(name, k -> new ArrayList<>());
        if (!claimants.contains(type)) {
            claimants.add(type);
        }
    }

    private static boolean contains(byte[] bytes, byte[] wanted) {
        outer:
        for (int i = 0, last = bytes.length - wanted.length; i <= last; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Returns the classpath entries of {@code loader} and its parents up to the loader of crashlab's classes. */
    private static Set<Path> roots(ClassLoader loader) {
        Set<Path> roots = new LinkedHashSet<>();
        ClassLoader crashlab = StrategyName.class.getClassLoader();
        for (ClassLoader l = loader; l != null; l = l == crashlab ? null : l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    Path root = path(url);
                    if (root != null) {
                        roots.add(root);
                    }
                }
            } else if (l == ClassLoader.getSystemClassLoader()) {
                for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
                    if (!entry.isBlank()) {
                        roots.add(Path.of(entry).toAbsolutePath().normalize());
                    }
                }
            }
        }
        return roots;
    }

    private static Path manifestEntry(Path jar, String entry) {
        try {
            return path(jar.toUri().resolve(entry).toURL());
        } catch (IOException | IllegalArgumentException e) {
            return null; // not a file this loader could read either
        }
    }

    private static Path path(URL url) {
        try {
            return "file".equals(url.getProtocol()) ? Path.of(url.toURI()).normalize() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
