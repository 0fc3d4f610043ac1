package org.lifeline.codec.tile.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.lifeline.api.screen.CodecException;

/** Lossy tiles through javax.imageio's baseline JPEG codec (in the JDK, no native library of ours). */
final class JpegTiles {
    private ImageWriter writer;
    private ImageReader reader;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);

    /** JFIF bytes for the {@code w x h} pixels, or {@code null} if more than {@code maxBytes} are needed. */
    byte[] encode(int[] pixels, int w, int h, int quality, int maxBytes) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, pixels, 0, w);
        if (writer == null) writer = first(ImageIO.getImageWritersByFormatName("jpeg"));
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        out.reset();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            return null;
        }
        return out.size() > maxBytes ? null : out.toByteArray();
    }

    /** Decodes into {@code dst[off..]}, rows of {@code w}; the JPEG must be exactly {@code w x h}. */
    void decode(byte[] jpeg, int len, int w, int h, int[] dst, int off) throws CodecException {
        try {
            if (reader == null) reader = first(ImageIO.getImageReadersByFormatName("jpeg"));
            try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg, 0, len))) {
                reader.setInput(in, true, true);
                // the header's size is checked before any raster is allocated
                if (reader.getWidth(0) != w || reader.getHeight(0) != h) throw TileFormat.malformed("JPEG tile size");
                BufferedImage img = reader.read(0);
                img.getRGB(0, 0, w, h, dst, off, w);
            } finally {
                reader.setInput(null);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CodecException c) throw c;
            throw TileFormat.malformed("bad JPEG tile");
        }
        for (int i = off, end = off + w * h; i < end; i++) dst[i] &= 0xFFFFFF;
    }

    private static <T> T first(Iterator<T> it) {
        if (!it.hasNext()) throw new IllegalStateException("this Java runtime has no JPEG codec");
        return it.next();
    }
}
