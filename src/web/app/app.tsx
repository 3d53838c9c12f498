/** Placeholder shell; replaced by the routed shell in the web feature work. */
export function App() {
  return (
    <>
      <a href="#main" className="skip-link">
        本文へ移動
      </a>
      <header>
        <p>Zaitaku 在宅療養</p>
      </header>
      <main id="main">
        <h1>在宅療養資源マップ</h1>
      </main>
    </>
  );
}
