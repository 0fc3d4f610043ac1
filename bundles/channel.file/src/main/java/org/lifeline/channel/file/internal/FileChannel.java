package org.lifeline.channel.file.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import org.lifeline.api.LifelineException;
import org.lifeline.api.invitation.DeliveryReceipt;
import org.lifeline.api.invitation.Invitation;
import org.lifeline.api.invitation.InvitationChannel;
import org.osgi.service.component.annotations.Component;

/**
 * The seed's "Save invitation as a file". The recipient is the path to write; an existing folder gets
 * {@value #DEFAULT_NAME} inside it. The file appears whole or not at all (written beside it, then moved),
 * so an expert never opens half a ticket. The message is not written: a ticket file has no place for it.
 */
@Component(service = InvitationChannel.class, property = InvitationChannel.CHANNEL_ID + "=" + FileChannel.ID)
public class FileChannel implements InvitationChannel {
    static final String ID = "file";
    static final String DEFAULT_NAME = "RAInvitation.msrcincident";

    Clock clock = Clock.systemUTC();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Save as a file";
    }

    @Override
    public DeliveryReceipt send(Invitation invitation, byte[] ticketFile, String recipient, String message) {
        Path target;
        try {
            if (recipient == null || recipient.isBlank()) throw new InvalidPathException("", "empty");
            target = Path.of(recipient.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new LifelineException("'" + recipient + "' is not a file name: give the file to save the invitation in, e.g. --out help.msrcincident");
        }
        if (Files.isDirectory(target)) target = target.resolve(DEFAULT_NAME);
        Path temp = null;
        try {
            Path dir = target.getParent();
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName() + "-", ".part");
            Files.write(temp, ticketFile);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | SecurityException e) {
            throw new LifelineException("cannot save the invitation to " + target + " (" + describe(e)
                    + "): choose another file or folder");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // The move failed and so does the clean-up: a hidden .part file is all that is left.
                }
            }
        }
        return new DeliveryReceipt(ID, target.toString(), clock.instant(), "saved to " + target);
    }

    private static String describe(Exception e) {
        String name = e.getClass().getSimpleName().replace("Exception", "");
        String what = switch (name) {
            case "AccessDenied" -> "permission denied";
            case "NoSuchFile" -> "no such folder";
            case "FileAlreadyExists", "NotDirectory" -> "a file is in the way";
            case "FileSystem", "" -> "file system error";
            default -> name;
        };
        return e.getMessage() == null ? what : what + ": " + e.getMessage();
    }
}
