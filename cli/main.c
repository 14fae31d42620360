/* main.c - placeholder, being written. */
#include <stdio.h>
int main(void)
{
    puts("jixiao: not built yet");
    return 70;
}
