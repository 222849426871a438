// next/navigation for the DAL outside Next: getSession() never redirects; verifySession() would.
function redirect(url) {
  throw new Error(`redirect(${url}) is not expected in this benchmark`)
}

export { redirect }
