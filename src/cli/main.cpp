#include <cstdio>
int main() { std::fputs("ucap: work in progress\n", stderr); return 2; }
