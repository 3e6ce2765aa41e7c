#include "board_metrics.h"

/* SysTick registers (ARMv7-M system control space). */
#define SYST_CSR (*(volatile uint32_t*)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t*)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t*)0xE000E018u)
#define SYST_RELOAD 0x00FFFFFFu /* 24-bit counter: 2^24 ticks per wrap */

static volatile uint32_t g_wraps;

/* Replaces startup.c's weak default (a fault) in the vector table. */
void SysTick_Handler(void) { g_wraps = g_wraps + 1u; }

void board_ticks_start(void) {
  SYST_CSR = 0;
  SYST_RVR = SYST_RELOAD;
  SYST_CVR = 0;
  SYST_CSR = 7u; /* CLKSOURCE = core clock, TICKINT, ENABLE */
}

uint64_t board_ticks(void) {
  uint32_t wraps, value;
  do { /* re-read if a wrap was taken between the two reads */
    wraps = g_wraps;
    value = SYST_CVR;
  } while (wraps != g_wraps);
  return (uint64_t)wraps * (SYST_RELOAD + 1u) + (SYST_RELOAD - value);
}

extern uint32_t __stack_bottom, __stack_top;
#define STACK_PATTERN 0xC0DEFACEu

void board_stack_paint(void) {
  uint32_t* sp;
  __asm volatile("mov %0, sp" : "=r"(sp));
  /* Leave 64 bytes below the live stack pointer for this function's own frame. */
  for (uint32_t* p = &__stack_bottom; p < sp - 16; ++p) *p = STACK_PATTERN;
}

uint32_t board_stack_peak_bytes(void) {
  const uint32_t* p = &__stack_bottom;
  while (p < &__stack_top && *p == STACK_PATTERN) ++p;
  return (uint32_t)((const char*)&__stack_top - (const char*)p);
}

uint32_t board_stack_size(void) {
  return (uint32_t)((const char*)&__stack_top - (const char*)&__stack_bottom);
}
