import asyncio
import random as rnd
from random import randint, choice

rnd.seed(7)


async def worker(name):
    delay = randint(1, 5) / 10
    await asyncio.sleep(delay)
    print(f"{name} slept {delay:.1f}, picked {choice(['x', 'y', 'z'])}")
    return delay


async def main():
    results = await asyncio.gather(*(worker(f"w{i}") for i in range(5)))
    print(sorted(results), round(sum(results), 2))
    xs = list(range(6))
    rnd.shuffle(xs)
    print(xs, rnd.sample(xs, 3), rnd.random())


asyncio.run(main())
