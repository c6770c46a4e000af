import type { ButtonHTMLAttributes, Ref } from 'react'

type Variant = 'primary' | 'secondary' | 'warning'

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-brand text-white hover:bg-brand-dark',
  secondary: 'bg-surface text-ink ring-1 ring-line ring-inset hover:bg-[#dbdad9]',
  // Destructive actions ("Ta bort"); white on this red is 6.5:1.
  warning: 'bg-error text-white hover:bg-[#8f1e18]',
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant
  ref?: Ref<HTMLButtonElement> | undefined
}

export function Button({ variant = 'primary', type = 'button', className = '', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex min-h-11 items-center justify-center rounded px-4 py-2 font-semibold ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  )
}
