package org.lifeline.shell.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.lifeline.api.LifelineException;

/**
 * What every {@code ra:*} area does the same way: the failure convention, console text, tables and password
 * files. One place, so that a script meets the same behaviour whichever command it runs.
 */
final class CommandSupport {
    /** A password file holds one line; anything much longer is not a password file. */
    static final int MAX_PASSWORD_FILE_BYTES = 4096;

    private CommandSupport() {
    }

    /** Shell convention: a failure prints one line and is rethrown, so a script sees a non-zero result. */
    static void run(Runnable command) {
        call(() -> {
            command.run();
            return null;
        });
    }

    /** {@link #run} for a command that returns its result to Gogo. */
    static <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (LifelineException e) {
            System.err.println(e.getMessage());
            throw e;
        }
    }

    /** Left-aligned columns two spaces apart; the first row is the header. */
    static void table(PrintStream o, List<String[]> rows) {
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        for (String[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                b.append(r[i]);
                if (i < r.length - 1) b.append(" ".repeat(width[i] - r[i].length() + 2));
            }
            o.println(b);
        }
    }

    /** The first line of {@code file}, so that a password never has to appear on a command line. */
    static char[] readPasswordFile(String file) {
        try {
            Path p = Path.of(file);
            if (Files.size(p) > MAX_PASSWORD_FILE_BYTES) {
                throw new LifelineException(file + " is too large for a password file: put the password alone on its first line");
            }
            String first = Files.readString(p, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            if (first.isEmpty()) throw new LifelineException(file + " is empty: put the password on its first line");
            return first.toCharArray();
        } catch (IOException | InvalidPathException e) {
            throw new LifelineException("cannot read the password file " + file + " (" + e.getMessage() + "): check the name");
        }
    }

    /**
     * Gogo's console (shell 1.1.4) reads standard input one byte per character, so text typed in UTF-8
     * arrives as its bytes ("GrÃ¼Ã\u009fe"). Text that is exactly such bytes and valid UTF-8 is decoded
     * again; anything else (plain ASCII, real Unicode from another caller) is left as it is.
     */
    static String fromConsole(String s) {
        if (s == null || s.chars().allMatch(c -> c < 0x80) || s.chars().anyMatch(c -> c > 0xff)) return s;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1))).toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }
}
