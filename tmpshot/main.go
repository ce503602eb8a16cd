package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/chromedp/chromedp"
)

// usage: url out.png width height waitSeconds
func main() {
	dir, _ := os.MkdirTemp("", "shot")
	w, _ := strconv.Atoi(os.Args[3])
	h, _ := strconv.Atoi(os.Args[4])
	wait, _ := strconv.Atoi(os.Args[5])
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.NoSandbox, chromedp.UserDataDir(dir), chromedp.Flag("disable-background-networking", true), chromedp.Flag("enable-unsafe-swiftshader", true), chromedp.Flag("use-angle", "swiftshader"), chromedp.Flag("ignore-gpu-blocklist", true), chromedp.WindowSize(w, h))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel2 := chromedp.NewContext(actx)
	defer cancel2()
	ctx, cancel3 := context.WithTimeout(ctx, 120*time.Second)
	defer cancel3()
	if err := chromedp.Do(ctx, chromedp.Navigate(os.Args[1]), chromedp.Sleep(time.Duration(wait)*time.Second)); err != nil {
		fmt.Println("err", err)
	}
	if len(os.Args) > 6 {
		out, err := chromedp.Run(ctx, chromedp.Evaluate[string](os.Args[6], chromedp.EvalAwaitPromise))
		fmt.Println("eval:", out, err)
		chromedp.Do(ctx, chromedp.Sleep(1500*time.Millisecond))
	}
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		fmt.Println("err", err)
	}
	os.WriteFile(os.Args[2], buf, 0o644)
}
