import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def sleeper(name, s):
    await asyncio.sleep(s)
    print(f"{name} woke at {_now():.1f}")


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    a = asyncio.create_task(sleeper('first', 1))
    b = asyncio.create_task(sleeper('second', 1))
    c = asyncio.create_task(sleeper('early', 0.5))
    await asyncio.gather(a, b, c)


asyncio.run(main())
