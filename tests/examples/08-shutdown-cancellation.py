import asyncio

_T0 = None


def _now():
    return asyncio.get_running_loop().time() - _T0


async def heartbeat(label):
    print(f"[{_now():.1f}s] {label}: started")
    try:
        for beat in range(10):
            await asyncio.sleep(0.4)
            print(f"[{_now():.1f}s] {label}: beat {beat}")
        print(f"[{_now():.1f}s] {label}: finished all beats")
    except asyncio.CancelledError:
        print(f"[{_now():.1f}s] {label}: cancelled")
        raise
    finally:
        print(f"[{_now():.1f}s] {label}: cleanup in finally")


async def main():
    global _T0
    _T0 = asyncio.get_running_loop().time()
    hb = asyncio.create_task(heartbeat("heartbeat"), name="heartbeat")
    await asyncio.sleep(1)
    print(f"[{_now():.1f}s] main: returning, hb.done() = {hb.done()}")


asyncio.run(main())
