/*
 * Stand-in for the CoreGraphics, CoreFoundation and ApplicationServices functions the macOS input calls,
 * with the prototypes of Apple's headers, so that the JNA declarations are exercised on Linux: a struct
 * passed by value, uint16 and bool arguments, 64-bit fields and flags, UTF-16 text, a C callback, and a
 * run loop that blocks until stopped from another thread (and, like the real one, ignores a stop that comes
 * while it is not running). Built by QuartzStub at test time.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct { double x, y; } CGPoint;
typedef long CFIndex;
typedef uint16_t UniChar;
typedef void *(*TapCallback)(void *proxy, uint32_t type, void *event, void *userInfo);

enum { KIND_KEY = 1, KIND_MOUSE = 2, KIND_SCROLL = 3 };
enum { W_KIND, W_CODE, W_DOWN, W_TYPE, W_BUTTON, W_X1000, W_Y1000, W_FLAGS, W_USER_DATA, W_CLICK_STATE,
       W_TAP, W_WHEEL1, W_WHEEL2, W_WHEEL3, W_UNITS, W_WHEEL_COUNT, W_TEXT_LENGTH, W_AUTOREPEAT };

typedef struct {
    int64_t v[18];
    UniChar text[32];
} Event;

#define MAX_POSTED 64
static Event posted[MAX_POSTED];
static int postedCount, created, released;

static Event *newEvent(int kind) {
    Event *e = calloc(1, sizeof(Event));
    e->v[W_KIND] = kind;
    created++;
    return e;
}

void *CGEventCreateKeyboardEvent(void *source, uint16_t code, bool down) {
    Event *e = newEvent(KIND_KEY);
    e->v[W_CODE] = code;
    e->v[W_DOWN] = down;
    return e;
}

void CGEventKeyboardSetUnicodeString(void *event, unsigned long length, const UniChar *text) {
    Event *e = event;
    if (length > 32) length = 32;
    memcpy(e->text, text, length * sizeof(UniChar));
    e->v[W_TEXT_LENGTH] = (int64_t) length;
}

void *CGEventCreateMouseEvent(void *source, uint32_t type, CGPoint at, uint32_t button) {
    Event *e = newEvent(KIND_MOUSE);
    e->v[W_TYPE] = type;
    e->v[W_BUTTON] = button;
    e->v[W_X1000] = (int64_t) (at.x * 1000);
    e->v[W_Y1000] = (int64_t) (at.y * 1000);
    return e;
}

void *CGEventCreateScrollWheelEvent2(void *source, uint32_t units, uint32_t wheelCount, int32_t w1, int32_t w2,
        int32_t w3) {
    Event *e = newEvent(KIND_SCROLL);
    e->v[W_UNITS] = units;
    e->v[W_WHEEL_COUNT] = wheelCount;
    e->v[W_WHEEL1] = w1;
    e->v[W_WHEEL2] = w2;
    e->v[W_WHEEL3] = w3;
    return e;
}

void CGEventSetFlags(void *event, uint64_t flags) { ((Event *) event)->v[W_FLAGS] = (int64_t) flags; }

/* Fields as CGEventField numbers: 1 click state, 8 autorepeat, 9 keycode, 42 source user data. */
void CGEventSetIntegerValueField(void *event, uint32_t field, int64_t value) {
    Event *e = event;
    if (field == 1) e->v[W_CLICK_STATE] = value;
    if (field == 8) e->v[W_AUTOREPEAT] = value;
    if (field == 9) e->v[W_CODE] = value;
    if (field == 42) e->v[W_USER_DATA] = value;
}

int64_t CGEventGetIntegerValueField(void *event, uint32_t field) {
    Event *e = event;
    if (field == 1) return e->v[W_CLICK_STATE];
    if (field == 8) return e->v[W_AUTOREPEAT];
    if (field == 9) return e->v[W_CODE];
    if (field == 42) return e->v[W_USER_DATA];
    return -1;
}

void CGEventPost(uint32_t tap, void *event) {
    if (postedCount < MAX_POSTED) {
        posted[postedCount] = *(Event *) event;
        posted[postedCount].v[W_TAP] = tap;
        postedCount++;
    }
}

void CFRelease(void *object) {
    released++;
}

unsigned char AXIsProcessTrusted(void) { return 1; }

/* Event tap and run loop. */
static TapCallback tapCallback;
static void *tapUserInfo;
static int denyTap, tapEnabled, tapInvalidated, running, stopRequested;
static uint64_t tapMask;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int port, source, loop;
const void *kCFRunLoopCommonModes = "kCFRunLoopCommonModes";
const void *kCFRunLoopDefaultMode = "kCFRunLoopDefaultMode";

void *CGEventTapCreate(uint32_t tap, uint32_t place, uint32_t options, uint64_t mask, TapCallback callback,
        void *userInfo) {
    if (denyTap || tap != 1 || place != 0 || options != 1) return NULL;
    tapCallback = callback;
    tapUserInfo = userInfo;
    tapMask = mask;
    tapInvalidated = 0;
    created++;
    return &port;
}

void CGEventTapEnable(void *tap, bool enable) { tapEnabled = enable; }
void *CFMachPortCreateRunLoopSource(void *allocator, void *p, CFIndex order) { created++; return &source; }
void CFMachPortInvalidate(void *p) { tapInvalidated = 1; }
void *CFRunLoopGetCurrent(void) { return &loop; }
void CFRunLoopAddSource(void *l, void *s, const void *mode) {}

/* Like CoreFoundation: a stop only counts while the loop runs; otherwise the call returns after the timeout. */
int32_t CFRunLoopRunInMode(const void *mode, double seconds, unsigned char returnAfterSourceHandled) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    long nanos = (long) (seconds * 1e9);
    until.tv_sec += nanos / 1000000000L;
    until.tv_nsec += nanos % 1000000000L;
    if (until.tv_nsec >= 1000000000L) { until.tv_sec++; until.tv_nsec -= 1000000000L; }
    pthread_mutex_lock(&lock);
    running = 1;
    stopRequested = 0;
    pthread_cond_broadcast(&changed);
    int timedOut = 0;
    while (!stopRequested && !timedOut) timedOut = pthread_cond_timedwait(&changed, &lock, &until) != 0;
    int stopped = stopRequested;
    stopRequested = 0;
    running = 0;
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&lock);
    return stopped ? 2 : 3; /* kCFRunLoopRunStopped : kCFRunLoopRunTimedOut */
}

void CFRunLoopStop(void *l) {
    pthread_mutex_lock(&lock);
    if (running) stopRequested = 1;
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&lock);
}

/* For the tests. */
void stub_reset(void) { postedCount = 0; denyTap = 0; }
void stub_deny_tap(int deny) { denyTap = deny; }
int stub_posted(void) { return postedCount; }
int64_t stub_value(int index, int what) { return posted[index].v[what]; }
int stub_text(int index, UniChar *out) {
    int n = (int) posted[index].v[W_TEXT_LENGTH];
    memcpy(out, posted[index].text, n * sizeof(UniChar));
    return n;
}
int stub_live(void) { return created - released; }
int stub_tap_enabled(void) { return tapEnabled; }
int stub_tap_invalidated(void) { return tapInvalidated; }
uint64_t stub_tap_mask(void) { return tapMask; }

int stub_running(void) {
    pthread_mutex_lock(&lock);
    int r = running;
    pthread_mutex_unlock(&lock);
    return r;
}

/* Delivers a key event to the tap the way the window server would; returns 1 if the event came back unchanged. */
int stub_fire(uint32_t type, int64_t keycode, int64_t autorepeat, int64_t userData) {
    Event e;
    memset(&e, 0, sizeof e);
    e.v[W_CODE] = keycode;
    e.v[W_AUTOREPEAT] = autorepeat;
    e.v[W_USER_DATA] = userData;
    return tapCallback(NULL, type, &e, tapUserInfo) == &e;
}
