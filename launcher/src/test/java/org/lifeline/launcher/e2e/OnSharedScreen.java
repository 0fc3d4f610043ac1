package org.lifeline.launcher.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

/** Tests that run one {@link SharedScreen} for the whole class: its parts under short names, closed at the end. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnSharedScreen {
    SharedScreen screen;
    XServer x;
    LauncherProcess novice;
    LauncherProcess expert;
    /** The session's id on the novice's side. */
    String n;
    /** The session's id on the expert's side. */
    String e;

    void share(SharedScreen started) {
        screen = started;
        x = started.x;
        novice = started.novice;
        expert = started.expert;
        n = started.n;
        e = started.e;
    }

    @AfterAll
    void stopSharing() {
        if (screen != null) screen.close();
    }
}
