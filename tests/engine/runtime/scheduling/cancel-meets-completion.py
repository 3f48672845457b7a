import asyncio

_T0 = 0.0


def _now():
    return asyncio.get_running_loop().time() - _T0


async def sleeper():
    await asyncio.sleep(1)
    print(f"sleeper finished its sleep")
    return 'ok'


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    await asyncio.sleep(1)
    t.cancel('late')
    try:
        r = await t
        print(f"result {r}")
    except asyncio.CancelledError as e:
        print(f"cancelled anyway: {e!r}")


asyncio.run(main())
