package org.lifeline.api.screen;

import org.lifeline.api.LifelineException;

/** A screen update that cannot be applied; the expert asks for a full frame. */
public class CodecException extends LifelineException {
    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }
}
