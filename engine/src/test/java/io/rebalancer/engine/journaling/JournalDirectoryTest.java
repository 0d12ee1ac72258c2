package io.rebalancer.engine.journaling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The journal's folder is checked before anything opens it: one sentence saying what is wrong and what to do. */
class JournalDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void shouldRefuseANamedFolderThatDoesNotExist() {
        final Path missing = dir.resolve("no-such-journal");
        final JournalException refused = assertThrows(JournalException.class,
            () -> JournalDirectory.check(missing, false, 0));
        assertTrue(refused.getMessage().contains(missing.toString()) && refused.getMessage().contains("mkdir -p"),
            refused.getMessage());
        assertTrue(Files.notExists(missing), "a typo must not start a fresh journal");
    }

    @Test
    void shouldCreateTheDefaultFolder() {
        final Path created = JournalDirectory.check(dir.resolve("journal"), true, 0);
        assertTrue(Files.isDirectory(created));
    }

    @Test
    void shouldRefuseAFile() throws IOException {
        final Path file = Files.writeString(dir.resolve("journal"), "not a folder");
        final JournalException refused = assertThrows(JournalException.class,
            () -> JournalDirectory.check(file, false, 0));
        assertTrue(refused.getMessage().contains("is a file"), refused.getMessage());
    }

    @Test
    void shouldRefuseAFolderWithoutTheFreeSpaceTheJournalNeeds() {
        final JournalException refused = assertThrows(JournalException.class,
            () -> JournalDirectory.check(dir, false, Long.MAX_VALUE));
        assertTrue(refused.getMessage().contains("MB free") && refused.getMessage().contains("needs at least"),
            refused.getMessage());
    }

    @Test
    void shouldRefuseAFolderThisUserCannotWrite() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes anywhere: nothing to refuse");
        final Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            final JournalException refused = assertThrows(JournalException.class,
                () -> JournalDirectory.check(locked, false, 0));
            assertTrue(refused.getMessage().contains("not writable"), refused.getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void shouldTellAJournalFromAnEmptyFolder() throws IOException {
        assertEquals(false, JournalDirectory.hasJournal(dir));
        Files.writeString(dir.resolve("20261124F.cq4"), "");
        assertEquals(true, JournalDirectory.hasJournal(dir));
    }
}
