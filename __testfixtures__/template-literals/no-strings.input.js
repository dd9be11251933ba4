const total = price * quantity + shipping;
const next = index + 1;
