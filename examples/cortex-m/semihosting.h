/* ARM semihosting (bkpt 0xAB) for output and exit status under qemu or a debugger.
 * Non-allocating by design: newlib-nano's printf mallocs, so the firmware formats
 * into its own fixed buffers (see console.hpp) and writes whole strings here.
 * Without a debugger or qemu attached, bkpt 0xAB faults: diagnostic builds only. */
#ifndef CORPUS_EXAMPLE_SEMIHOSTING_H
#define CORPUS_EXAMPLE_SEMIHOSTING_H

#ifdef __cplusplus
extern "C" {
#endif

/** Writes a NUL-terminated string to the host's console (SYS_WRITE0). */
void semihosting_write0(const char* s);
/** Ends the program with `status` as the host process's exit status
 *  (SYS_EXIT_EXTENDED: plain SYS_EXIT reports only success or failure). */
__attribute__((noreturn)) void semihosting_exit(int status);

#ifdef __cplusplus
}
#endif

#endif
