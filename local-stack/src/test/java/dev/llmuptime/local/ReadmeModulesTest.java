package dev.llmuptime.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's table of modules and packages says what the build and the sources say. */
class ReadmeModulesTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z-]+)/` \\| `([a-z.]+)` \\|", Pattern.MULTILINE);
    private static final Pattern MODULE = Pattern.compile("<module>([a-z-]+)</module>");
    private static final Pattern PACKAGE = Pattern.compile("^package ([a-z.]+);", Pattern.MULTILINE);

    @Test
    void everyModuleIsListedWithTheOnePackageItHolds() throws IOException {
        Map<String, String> table = new TreeMap<>();
        Matcher row = TABLE_ROW.matcher(Files.readString(ROOT.resolve("README.md")));
        while (row.find()) {
            table.put(row.group(1), row.group(2));
        }
        Map<String, String> tree = new TreeMap<>();
        Matcher module = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (module.find()) {
            Set<String> packages = mainPackages(ROOT.resolve(module.group(1)));
            assertThat(packages).as("packages of %s", module.group(1)).hasSize(1);
            tree.put(module.group(1), packages.iterator().next());
        }

        assertThat(table).isEqualTo(tree);
    }

    private static Set<String> mainPackages(Path module) throws IOException {
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java")).map(ReadmeModulesTest::packageOf)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String packageOf(Path source) {
        try {
            Matcher declaration = PACKAGE.matcher(Files.readString(source));
            return declaration.find() ? declaration.group(1) : "(none) in " + source;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + source, e);
        }
    }
}
