package dev.ecsdiag.collect;

import dev.ecsdiag.config.FileProblems;
import dev.ecsdiag.config.InvalidRequestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A fleet file written by the tests: one instance id per line; {@code #} starts a comment (whole
 * line or after the id); blank lines are ignored. A line that is not an instance id is skipped
 * with a warning naming file and line, so one typo does not lose the rest of the fleet.
 *
 * @param ids      valid ids in file order, without duplicates
 * @param warnings one per skipped line
 */
public record FleetFile(List<String> ids, List<String> warnings) {

    public FleetFile {
        ids = List.copyOf(ids);
        warnings = List.copyOf(warnings);
    }

    public static FleetFile read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidRequestException(InvalidRequestException.Kind.UNREADABLE_INPUT,
                    "cannot read the fleet file " + file + ": " + FileProblems.reason(e, file), e);
        }
    }

    static FleetFile parse(BufferedReader reader, String name) throws IOException {
        Set<String> ids = new LinkedHashSet<>();
        List<String> warnings = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            int hash = line.indexOf('#');
            String id = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (number == 1 && !id.isEmpty() && id.charAt(0) == '\uFEFF') {
                id = id.substring(1); // byte order mark written by some editors
            }
            if (id.isEmpty()) {
                continue;
            }
            if (InstanceIds.isValid(id)) {
                ids.add(id);
            } else {
                warnings.add("fleet file " + name + " line " + number + ": not an instance id, skipped: '"
                        + InstanceIds.printable(id) + "'");
            }
        }
        return new FleetFile(new ArrayList<>(ids), warnings);
    }
}
