/* Reset handler and vector table for the Cortex-M firmware example.
 *
 * Reset: copy .data from flash, zero .bss, enable the FPU when the build uses it,
 * run static constructors, call main(), and report its return value as the exit
 * status through semihosting. Any fault reports itself and exits with status 99
 * (a FLATBUFFERS_ASSERT trap lands here as a HardFault). */
#include <stdint.h>

#include "semihosting.h"

extern uint32_t __data_start, __data_end, __data_load, __bss_start, __bss_end, __stack_top;
extern void (*__init_array_start[])(void);
extern void (*__init_array_end[])(void);
int main(void);

void Reset_Handler(void);
void Fault_Handler(void);
void SysTick_Handler(void);

__attribute__((noreturn)) void Reset_Handler(void) {
  const uint32_t* src = &__data_load;
  for (uint32_t* dst = &__data_start; dst < &__data_end;) *dst++ = *src++;
  for (uint32_t* dst = &__bss_start; dst < &__bss_end;) *dst++ = 0;
#if defined(__ARM_FP)
  /* CPACR: full access to coprocessors 10 and 11 (the FPU) before any float code. */
  volatile uint32_t* cpacr = (volatile uint32_t*)0xE000ED88u;
  *cpacr |= 0xFu << 20;
  __asm volatile("dsb\n\tisb" ::: "memory");
#endif
  for (void (**f)(void) = __init_array_start; f < __init_array_end; ++f) (*f)();
  semihosting_exit(main());
}

__attribute__((noreturn)) void Fault_Handler(void) {
  semihosting_write0("FAIL: fault (trap, bad access or FLATBUFFERS_ASSERT)\n");
  semihosting_exit(99);
}

/* Weak default: a program that counts ticks (board_metrics.c) defines its own. */
__attribute__((weak)) void SysTick_Handler(void) { Fault_Handler(); }

/* An entry is the initial stack pointer or a handler (a union keeps it ISO C). */
typedef union {
  uint32_t* stack_top;
  void (*handler)(void);
} VectorEntry;

/* Core exceptions only: the example uses no peripherals or interrupts. */
__attribute__((section(".isr_vector"), used)) static const VectorEntry vector_table[16] = {
    {.stack_top = &__stack_top},
    {.handler = Reset_Handler},
    {.handler = Fault_Handler}, /* NMI */
    {.handler = Fault_Handler}, /* HardFault */
    {.handler = Fault_Handler}, /* MemManage */
    {.handler = Fault_Handler}, /* BusFault */
    {.handler = Fault_Handler}, /* UsageFault */
    {0}, {0}, {0}, {0},         /* reserved */
    {.handler = Fault_Handler}, /* SVCall */
    {.handler = Fault_Handler}, /* DebugMon */
    {0},                        /* reserved */
    {.handler = Fault_Handler}, /* PendSV */
    {.handler = SysTick_Handler}, /* SysTick */
};
