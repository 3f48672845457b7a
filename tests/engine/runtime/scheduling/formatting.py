import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def val(x):
    return x


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    a = await val(0.1)
    b = await val(1e-05)
    c = await val(1e+16)
    d = await val("it's")
    n = await val(None)
    t = await val(True)
    print(f"{a} {b} {c} {d!r} {n} {t} {a:.3f} {c:,.0f} {d:>8}|{t:>6}|")
    lst = await asyncio.gather(val(1), val('a'), val(None), val(2.5))
    print(f"{lst} {lst!r}")


asyncio.run(main())
