/* A stand-in for Windows' bcryptprimitives.dll, for running the Windows build under Wine 8
 * (Debian 12), which lacks it. Rust's standard library draws its random numbers (HashMap seeds)
 * from ProcessPrng, present since Windows 10; this forwards to RtlGenRandom. Test use only: it
 * is copied into the Wine prefix's system32 by tests/windows_build.rs, never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
