package org.lifeline.api.screen;

/** The expert's bandwidth profile ({@code ra:quality}). */
public enum Quality {
    /** Lossless, falling back to fewer colours and lossy tiles only when the line is slow. */
    AUTO,
    /** The 56 kbit/s profile: 8-bit colour and lossy tiles. */
    LOW,
    /** Always lossless 24-bit. */
    HIGH
}
