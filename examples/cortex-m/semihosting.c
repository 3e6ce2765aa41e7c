#include "semihosting.h"

#include <stdint.h>

enum {
  SYS_WRITE0 = 0x04,
  SYS_EXIT_EXTENDED = 0x20,
  ADP_Stopped_ApplicationExit = 0x20026,
};

static uintptr_t semihosting_call(uintptr_t op, const void* arg) {
  register uintptr_t r0 __asm__("r0") = op;
  register const void* r1 __asm__("r1") = arg;
  __asm volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

void semihosting_write0(const char* s) { semihosting_call(SYS_WRITE0, s); }

void semihosting_exit(int status) {
  const uintptr_t block[2] = {ADP_Stopped_ApplicationExit, (uintptr_t)status};
  semihosting_call(SYS_EXIT_EXTENDED, block);
  for (;;) __asm volatile("wfi");
}
