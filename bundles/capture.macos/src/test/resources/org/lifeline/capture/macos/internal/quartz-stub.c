/*
 * Stand-in for the CoreGraphics and CoreFoundation functions the macOS capture calls, with the
 * prototypes of Apple's headers, so that the JNA declarations are exercised on Linux: struct returns by
 * value, size_t and uint32 results, and who releases what. Built by QuartzStub at test time.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct { double x, y; } CGPoint;
typedef struct { double width, height; } CGSize;
typedef struct { CGPoint origin; CGSize size; } CGRect;
typedef uint32_t CGDirectDisplayID;
typedef int32_t CGError;
typedef long CFIndex;

/* A fake CGImage that is also its own data provider and CFData. */
typedef struct { size_t width, height, bytesPerRow; uint32_t bitmapInfo; uint8_t *bytes; } Image;

static int created, released;
static double pointerX = 12.7, pointerY = -3.2;

int stub_created(void) { return created; }
int stub_released(void) { return released; }

CGDirectDisplayID CGMainDisplayID(void) { return 69; }

CGError CGGetActiveDisplayList(uint32_t max, CGDirectDisplayID *ids, uint32_t *count) {
    CGDirectDisplayID all[2] = {7, 69};
    uint32_t n = max < 2 ? max : 2;
    memcpy(ids, all, n * sizeof(CGDirectDisplayID));
    *count = 2;
    return 0;
}

/* Display 69: 4x2 points at (0, 0), a Retina image of 8x4 pixels. Display 7: 2x2 points at (-2, -2), 1:1. */
CGRect CGDisplayBounds(CGDirectDisplayID id) {
    CGRect r;
    if (id == 7) { r.origin.x = -2; r.origin.y = -2; r.size.width = 2; r.size.height = 2; }
    else { r.origin.x = 0; r.origin.y = 0; r.size.width = 4; r.size.height = 2; }
    return r;
}

void *CGDisplayCreateImage(CGDirectDisplayID id) {
    Image *i = calloc(1, sizeof(Image));
    i->width = id == 7 ? 2 : 8;
    i->height = id == 7 ? 2 : 4;
    i->bytesPerRow = i->width * 4 + 16; /* padded rows, as Quartz does */
    i->bitmapInfo = (2u << 12) | 6u; /* kCGBitmapByteOrder32Little | kCGImageAlphaNoneSkipFirst */
    i->bytes = calloc(i->bytesPerRow * i->height, 1);
    for (size_t y = 0; y < i->height; y++) {
        for (size_t x = 0; x < i->width; x++) {
            uint8_t *p = i->bytes + y * i->bytesPerRow + x * 4;
            p[0] = (uint8_t) (id == 7 ? 0xEE : x);  /* blue */
            p[1] = (uint8_t) (id == 7 ? 0xEE : y);  /* green */
            p[2] = (uint8_t) (id == 7 ? 0xEE : 0x40); /* red */
            p[3] = 0xFF;
        }
    }
    created++;
    return i;
}

size_t CGImageGetWidth(void *image) { return ((Image *) image)->width; }
size_t CGImageGetHeight(void *image) { return ((Image *) image)->height; }
size_t CGImageGetBytesPerRow(void *image) { return ((Image *) image)->bytesPerRow; }
size_t CGImageGetBitsPerPixel(void *image) { return 32; }
size_t CGImageGetBitsPerComponent(void *image) { return 8; }
uint32_t CGImageGetBitmapInfo(void *image) { return ((Image *) image)->bitmapInfo; }
void *CGImageGetDataProvider(void *image) { return image; }
void *CGDataProviderCopyData(void *provider) { created++; return provider; }
const uint8_t *CFDataGetBytePtr(void *data) { return ((Image *) data)->bytes; }
CFIndex CFDataGetLength(void *data) { Image *i = data; return (CFIndex) (i->bytesPerRow * i->height); }

void CGImageRelease(void *image) {
    Image *i = image;
    released++;
    free(i->bytes);
    free(i);
}

static int event;
void *CGEventCreate(void *source) { created++; return source == NULL ? &event : NULL; }
CGPoint CGEventGetLocation(void *e) { CGPoint p = {pointerX, pointerY}; return p; }

/* The data "copy" is the image itself, so only the event is really released here. */
void CFRelease(void *object) { released++; }

bool CGPreflightScreenCaptureAccess(void) { return true; }
bool CGRequestScreenCaptureAccess(void) { return true; }
